package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.service.control.ServiceOptions;
import io.callflow.service.entity.Flow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Option precedence: overridable request value, else configured, else built-in default. */
class ServiceOptionsTest {

  private final List<String> ignored = new ArrayList<>();

  @Test
  void builtInDefaultsApplyWhenNothingIsConfiguredOrSent() {
    ServiceOptions options = ServiceOptions.resolve(Map.of(), Map.of(), ignored::add);
    assertEquals("DNIS", options.resourceGroup());
    assertFalse(options.provideCode());
    assertEquals(6, options.accessCodeLength());
    assertEquals(Optional.empty(), options.bookingTimeout());
    assertEquals(Duration.ofSeconds(30), options.ttl(Flow.REQUEST_INTERACTION));
    assertEquals(Duration.ofSeconds(86400), options.ttl(Flow.REQUEST_INBOUND_DELAY));
  }

  @Test
  void configuredValuesBeatDefaults() {
    ServiceOptions options =
        ServiceOptions.resolve(
            Map.of("_resource_group", "SHARED", "_provide_code", "true"), Map.of(), ignored::add);
    assertEquals("SHARED", options.resourceGroup());
    assertTrue(options.provideCode());
  }

  @Test
  void overwritableRequestValuesBeatConfiguredOnes() {
    ServiceOptions options =
        ServiceOptions.resolve(
            Map.of("_resource_group", "SHARED", "_access_code_length", "6"),
            Map.of(
                "_resource_group",
                "DNIS",
                "_access_code_length",
                "8",
                "_booking_expiration_timeout",
                "90"),
            ignored::add);
    assertEquals("DNIS", options.resourceGroup());
    assertEquals(8, options.accessCodeLength());
    assertEquals(Optional.of(Duration.ofSeconds(90)), options.bookingTimeout());
    assertTrue(ignored.isEmpty());
  }

  @Test
  void requestValuesForOptionsNotListedAsOverwritableAreIgnored() {
    ServiceOptions options =
        ServiceOptions.resolve(
            Map.of(
                "_overwritable_options",
                "_ttl",
                "_resource_group",
                "SHARED",
                "_wait_for_agent",
                "false"),
            Map.of("_resource_group", "DNIS", "_wait_for_agent", "true", "_ttl", "60"),
            ignored::add);
    assertEquals("SHARED", options.resourceGroup());
    assertEquals(Optional.of("false"), options.get("_wait_for_agent"));
    assertEquals(Duration.ofSeconds(60), options.ttl(Flow.REQUEST_INTERACTION));
    assertEquals(
        List.of("_resource_group", "_wait_for_agent").stream().sorted().toList(),
        ignored.stream().sorted().toList());
  }

  @Test
  void requestParametersAndAppDataAreNotOptions() {
    ServiceOptions options =
        ServiceOptions.resolve(
            Map.of(), Map.of("_phone_number", "+15550001111", "first_name", "Ada"), ignored::add);
    assertTrue(options.asMap().isEmpty());
    assertTrue(ignored.isEmpty());
    assertEquals(
        Map.of("first_name", "Ada"),
        ServiceOptions.appData(Map.of("_phone_number", "+15550001111", "first_name", "Ada")));
  }

  @Test
  void invalidOverwritableRequestValuesAreRefusedNamingTheOption() {
    ParameterInvalid length =
        assertThrows(
            ParameterInvalid.class,
            () ->
                ServiceOptions.resolve(Map.of(), Map.of("_access_code_length", "3"), ignored::add));
    assertEquals("_access_code_length", length.fields().get(0).name());
    ParameterInvalid timeout =
        assertThrows(
            ParameterInvalid.class,
            () ->
                ServiceOptions.resolve(
                    Map.of(), Map.of("_booking_expiration_timeout", "soon"), ignored::add));
    assertEquals("_booking_expiration_timeout", timeout.fields().get(0).name());
    ParameterInvalid code =
        assertThrows(
            ParameterInvalid.class,
            () -> ServiceOptions.resolve(Map.of(), Map.of("_provide_code", "yes"), ignored::add));
    assertEquals("_provide_code", code.fields().get(0).name());
  }
}
