package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.json.StringObjects;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StringObjectsTest {

  @Test
  void scalarsReadAsTheirTextAndNothingElseDoes() {
    assertEquals(Optional.of("a"), StringObjects.scalar(Json.createValue("a")));
    assertEquals(Optional.of("4"), StringObjects.scalar(Json.createValue(4)));
    assertEquals(Optional.of("true"), StringObjects.scalar(JsonValue.TRUE));
    assertEquals(Optional.empty(), StringObjects.scalar(JsonValue.NULL));
    assertEquals(Optional.empty(), StringObjects.scalar(JsonValue.EMPTY_JSON_ARRAY));
    assertEquals(Optional.empty(), StringObjects.scalar(JsonValue.EMPTY_JSON_OBJECT));
  }

  @Test
  void writtenObjectsReadBackInOrder() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("_z", "1");
    values.put("a", "é \"quoted\"");
    Map<String, String> read = StringObjects.read(StringObjects.toText(values));
    assertEquals(values, read);
    assertEquals(List.of("_z", "a"), List.copyOf(read.keySet()));
    assertEquals(Map.of(), StringObjects.read(null));
    assertEquals(
        Map.of("n", "3", "o", "{\"x\":1}"), StringObjects.read("{\"n\":3,\"o\":{\"x\":1}}"));
  }
}
