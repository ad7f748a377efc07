package io.callflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.platform.rest.ProblemException.InvalidParam;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonRequestTest {

  @Test
  void bodyThatIsNotAJsonObjectIsABadBody() {
    assertBadBody("{\"name\":");
    assertBadBody("[1,2]");
    assertBadBody("");
    assertBadBody("name=DNIS");
  }

  @Test
  void wrongTypesAreRecordedNotThrown() {
    JsonRequest request = JsonRequest.parse(body("{\"a\":1,\"b\":\"x\",\"c\":null}"));
    assertEquals(Optional.empty(), request.string("a"));
    assertEquals(Optional.empty(), request.number("b"));
    assertEquals(Optional.empty(), request.string("c"));
    assertFalse(request.has("c"));
    assertFalse(request.isValid());
    ProblemException problem = assertThrows(ProblemException.class, request::requireValid);
    assertEquals(
        List.of("a", "b"), problem.invalidParams().stream().map(InvalidParam::name).toList());
    assertEquals("a: must be a string; b: must be a number", problem.getMessage());
  }

  @Test
  void nestedFieldsAreNamedWithTheirParent() {
    JsonRequest request = JsonRequest.parse(body("{\"location\":{\"latitude\":\"north\"}}"));
    JsonRequest location = request.nested("location").orElseThrow();
    location.number("latitude");
    location.require("radiusKm");
    ProblemException problem = assertThrows(ProblemException.class, request::requireValid);
    assertEquals(
        List.of("location.latitude", "location.radiusKm"),
        problem.invalidParams().stream().map(InvalidParam::name).toList());
  }

  @Test
  void validRequestPasses() {
    JsonRequest request = JsonRequest.parse(body("{\"a\":\"x\"}"));
    assertEquals(Optional.of("x"), request.string("a"));
    assertTrue(request.require("a"));
    request.requireValid();
  }

  private static void assertBadBody(String text) {
    ProblemException problem =
        assertThrows(ProblemException.class, () -> JsonRequest.parse(body(text)));
    assertEquals(400, problem.statusCode());
    assertEquals("body", problem.invalidParams().get(0).name());
  }

  private static InputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
