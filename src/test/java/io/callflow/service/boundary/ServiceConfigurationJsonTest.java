package io.callflow.service.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callflow.platform.rest.JsonRequest;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.ServiceConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a service's configuration must look like before anything is written. */
class ServiceConfigurationJsonTest {

  @Test
  void flowAndOptionsAreReadWithValuesAsStrings() {
    ServiceConfiguration service =
        read(
            "sales-callback",
            """
            {"flow":"request-outbound-delay",
             "options":{"_queue":"sales","_delay_seconds":30,"_provide_code":true,"_ratio":0.5}}
            """);
    assertEquals(Flow.REQUEST_OUTBOUND_DELAY, service.flow());
    assertEquals(
        Map.of("_queue", "sales", "_delay_seconds", "30", "_provide_code", "true", "_ratio", "0.5"),
        service.options());
    assertEquals(
        "{\"_queue\":\"sales\",\"_delay_seconds\":\"30\",\"_provide_code\":\"true\",\"_ratio\":\"0.5\"}",
        service.optionsJson());
  }

  @Test
  void optionsMayBeLeftOut() {
    ServiceConfiguration service = read("m", "{\"flow\":\"match-interaction\"}");
    assertEquals(Map.of(), service.options());
    assertEquals("{}", service.optionsJson());
    assertEquals(Optional.empty(), service.resourceGroup());
  }

  @Test
  void resourceGroupNamesThePool() {
    ServiceConfiguration service =
        read("r", "{\"flow\":\"request-access\",\"options\":{\"_resource_group\":\"DNIS\"}}");
    assertEquals(Optional.of("DNIS"), service.resourceGroup());
  }

  @Test
  void flowMustBeAGmsFlowName() {
    assertInvalid(() -> read("s", "{}"), "flow");
    assertInvalid(() -> read("s", "{\"flow\":\"request-everything\"}"), "flow");
    assertInvalid(() -> read("s", "{\"flow\":\"REQUEST_ACCESS\"}"), "flow");
    assertInvalid(() -> read("s", "{\"flow\":3}"), "flow");
  }

  @Test
  void optionNamesStartWithAnUnderscore() {
    assertInvalid(
        () -> read("s", "{\"flow\":\"request-access\",\"options\":{\"queue\":\"x\"}}"),
        "options.queue");
    assertInvalid(
        () -> read("s", "{\"flow\":\"request-access\",\"options\":{\"_\":\"x\"}}"), "options._");
  }

  @Test
  void optionValuesAreScalars() {
    assertInvalid(
        () -> read("s", "{\"flow\":\"request-access\",\"options\":{\"_queue\":[\"a\"]}}"),
        "options._queue");
    assertInvalid(
        () -> read("s", "{\"flow\":\"request-access\",\"options\":{\"_queue\":{}}}"),
        "options._queue");
    assertInvalid(
        () -> read("s", "{\"flow\":\"request-access\",\"options\":{\"_queue\":null}}"),
        "options._queue");
  }

  @Test
  void optionsMustBeAnObject() {
    assertInvalid(() -> read("s", "{\"flow\":\"request-access\",\"options\":[]}"), "options");
  }

  @Test
  void nameMustBePathSafe() {
    assertInvalid(() -> read("sales callback", "{\"flow\":\"request-access\"}"), "name");
    assertInvalid(() -> read("x".repeat(129), "{\"flow\":\"request-access\"}"), "name");
  }

  @Test
  void knownOptionsMustHaveValidValues() {
    assertInvalid(
        () ->
            read(
                "s",
                "{\"flow\":\"request-interaction\",\"options\":{\"_access_code_length\":\"12\"}}"),
        "options._access_code_length");
    assertInvalid(
        () ->
            read(
                "s",
                "{\"flow\":\"request-interaction\",\"options\":{\"_provide_code\":\"maybe\"}}"),
        "options._provide_code");
  }

  private static ServiceConfiguration read(String name, String json) {
    return ServiceConfigurationJson.read(
        name, JsonRequest.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
  }

  private static void assertInvalid(Runnable reading, String field) {
    ProblemException problem = assertThrows(ProblemException.class, reading::run);
    assertEquals(400, problem.statusCode());
    List<String> named = problem.invalidParams().stream().map(InvalidParam::name).toList();
    assertEquals(List.of(field), named, problem::getMessage);
  }
}
