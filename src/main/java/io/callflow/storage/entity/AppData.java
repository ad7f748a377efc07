package io.callflow.storage.entity;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An app's own key/value strings, in the order the client sent them, stored as a JSON object of
 * strings. GMS caps app data per entry; {@link #isWithinLimit()} says whether this one fits.
 */
public record AppData(Map<String, String> values) {

  /** The most app data one entry keeps: the UTF-8 bytes of all keys and values together. */
  public static final int MAX_BYTES = 64 * 1024;

  public AppData {
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key)));
    values = Collections.unmodifiableMap(copy);
  }

  /** Reads the JSON text {@link #toJson()} wrote. */
  public static AppData fromJson(String json) {
    JsonObject object;
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      object = reader.readObject();
    } catch (JsonException | ClassCastException e) {
      throw new IllegalArgumentException("app data is not a JSON object: " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    object.forEach((key, value) -> values.put(key, text(key, value)));
    return new AppData(values);
  }

  // numbers and booleans only in a hand-edited row; read them as GMS clients would have sent them
  private static String text(String key, JsonValue value) {
    return StringObjects.scalar(value)
        .orElseThrow(
            () -> new IllegalArgumentException("app data value of " + key + " is not a string"));
  }

  public String toJson() {
    return StringObjects.toText(values);
  }

  public long sizeInBytes() {
    long bytes = 0;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      bytes += utf8Length(entry.getKey()) + utf8Length(entry.getValue());
    }
    return bytes;
  }

  public boolean isWithinLimit() {
    return sizeInBytes() <= MAX_BYTES;
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
