package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.service.control.OptionChecks;
import io.callflow.service.control.ServiceOptions;
import io.callflow.service.control.ServiceOptions.OnConfirmTimeout;
import io.callflow.service.entity.Flow;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The queued flows' options: defaults from the spec, configured values, and their bounds. */
class QueuedFlowOptionsTest {

  @Test
  void defaultsAreTheSpecs() {
    ServiceOptions options = ServiceOptions.resolve(Map.of(), Map.of(), ignored -> {});
    assertEquals("default", options.queue());
    assertEquals(Duration.ofSeconds(120), options.agentReserveTimeout());
    assertFalse(
        options.waitForUserConfirm(Flow.REQUEST_INBOUND_DELAY),
        "inbound flows do not ask by default");
    assertTrue(
        options.waitForUserConfirm(Flow.REQUEST_OUTBOUND_DELAY), "outbound delay asks by default");
    assertEquals(Duration.ofSeconds(30), options.userConfirmTimeout());
    assertEquals(3, options.confirmAttempts());
    assertEquals(OnConfirmTimeout.CONNECT_ANYWAY, options.onConfirmTimeout());
    assertEquals(Duration.ofSeconds(14_400), options.queuedTtl());
    assertEquals(Duration.ofSeconds(300), options.snoozeDuration());
  }

  @Test
  void configuredValuesApplyAndSurviveStorage() {
    ServiceOptions options =
        ServiceOptions.resolve(
            Map.of(
                "_queue", "sales",
                "_agent_reserve_timeout", "45",
                "_wait_for_user_confirm", "true",
                "_on_user_confirm_timeout", "CANCEL",
                "_max_number_of_user_availability_confirmation_attempts", "2"),
            Map.of(),
            ignored -> {});
    ServiceOptions stored = ServiceOptions.stored(options.toJson());
    assertEquals("sales", stored.queue());
    assertEquals(Duration.ofSeconds(45), stored.agentReserveTimeout());
    assertTrue(stored.waitForUserConfirm(Flow.REQUEST_INBOUND_DELAY));
    assertEquals(OnConfirmTimeout.CANCEL, stored.onConfirmTimeout());
    assertEquals(2, stored.confirmAttempts());
    assertEquals("PARIS", stored.withResourceGroup("PARIS").resourceGroup());
    assertEquals("DNIS", stored.resourceGroup(), "withResourceGroup leaves the original alone");
  }

  @Test
  void queueingOptionsAreNotTakenFromRequestsUnlessListed() {
    ServiceOptions options =
        ServiceOptions.resolve(
            Map.of(), Map.of("_queue", "vip", "_wait_for_user_confirm", "true"), ignored -> {});
    assertEquals("default", options.queue());
    assertFalse(options.waitForUserConfirm(Flow.REQUEST_INBOUND_DELAY));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "_on_user_confirm_timeout, HANG-UP",
    "_agent_reserve_timeout, 2",
    "_user_confirm_timeout, 0",
    "_max_number_of_user_availability_confirmation_attempts, 11",
    "_queue, no spaces",
    "_wait_for_user_confirm, maybe"
  })
  void badValuesAreNamed(String key, String value) {
    assertTrue(OptionChecks.problemWith(key, value).isPresent());
    ParameterInvalid problem =
        assertThrows(
            ParameterInvalid.class,
            () ->
                ServiceOptions.resolve(
                    Map.of("_overwritable_options", key), Map.of(key, value), ignored -> {}));
    assertEquals(key, problem.fields().get(0).name());
  }
}
