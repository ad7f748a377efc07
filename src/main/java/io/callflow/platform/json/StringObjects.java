package io.callflow.platform.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON objects whose values are strings: GMS's shape for answers, options, app data and provider
 * properties. Numbers and booleans count as their text, since GMS clients send {@code 4} and {@code
 * "4"} alike.
 */
public final class StringObjects {

  private StringObjects() {}

  /** The text of a scalar (string, number, boolean); empty for null, arrays and objects. */
  public static Optional<String> scalar(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> Optional.of(((JsonString) value).getString());
      case NUMBER, TRUE, FALSE -> Optional.of(value.toString());
      default -> Optional.empty();
    };
  }

  /**
   * Reads a stored JSON object text, in member order; a member that is no scalar reads as its JSON.
   */
  public static Map<String, String> read(String json) {
    Map<String, String> values = new LinkedHashMap<>();
    try (JsonReader reader = Jsonp.createReader(new StringReader(json == null ? "{}" : json))) {
      reader
          .readObject()
          .forEach((key, value) -> values.put(key, scalar(value).orElse(value.toString())));
    }
    return values;
  }

  public static JsonObject toJson(Map<String, String> values) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder();
    values.forEach(json::add);
    return json.build();
  }

  public static String toText(Map<String, String> values) {
    return toJson(values).toString();
  }
}
