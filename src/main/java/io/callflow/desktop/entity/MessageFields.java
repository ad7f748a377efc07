package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one desktop message, read strictly: every problem is a {@link RejectedMessage}
 * naming the message and the field, because a desktop developer reads the reason in the dead-letter
 * queue.
 */
public final class MessageFields {

  /** The longest identifier (agent, service, extension, queue) the tables keep. */
  public static final int MAX_ID_LENGTH = 64;

  private final String message;
  private final JsonObject json;

  private MessageFields(String message, JsonObject json) {
    this.message = message;
    this.json = json;
  }

  /** Parses {@code body} as the JSON object of a {@code message}. */
  public static MessageFields parse(String message, String body) {
    if (body == null) {
      throw new RejectedMessage(message + ": no body");
    }
    try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new RejectedMessage(message + ": body is not a JSON object");
      }
      return new MessageFields(message, value.asJsonObject());
    } catch (JsonParsingException e) {
      throw new RejectedMessage(message + ": malformed JSON: " + e.getMessage());
    } catch (JsonException e) {
      throw new RejectedMessage(message + ": unreadable JSON: " + e.getMessage());
    }
  }

  public static MessageFields of(String message, JsonObject json) {
    return new MessageFields(message, json);
  }

  /** A present, non-blank string of at most {@link #MAX_ID_LENGTH} characters. */
  public String id(String field) {
    String value = text(field);
    if (value.length() > MAX_ID_LENGTH) {
      throw invalid(field, "longer than " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }

  /** A present, non-blank string. */
  public String text(String field) {
    JsonValue value = required(field);
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid(field, "not a string");
    }
    String text = ((JsonString) value).getString();
    if (text.isBlank()) {
      throw invalid(field, "blank");
    }
    return text;
  }

  /** An optional non-blank string: absent or null is empty. */
  public Optional<String> optionalText(String field) {
    return json.containsKey(field) && !json.isNull(field)
        ? Optional.of(text(field))
        : Optional.empty();
  }

  /**
   * An optional whole number from 1 (a JSON number or a string of digits): absent or null is empty.
   */
  public Optional<Integer> optionalCount(String field) {
    if (!json.containsKey(field) || json.isNull(field)) {
      return Optional.empty();
    }
    JsonValue value = json.get(field);
    try {
      int count =
          value.getValueType() == JsonValue.ValueType.NUMBER
              ? ((jakarta.json.JsonNumber) value).intValueExact()
              : Integer.parseInt(text(field));
      if (count < 1) {
        throw invalid(field, "must be 1 or more");
      }
      return Optional.of(count);
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(field, "not a whole number");
    }
  }

  /** One of {@code type}'s constants, by name. */
  public <E extends Enum<E>> E constant(String field, Class<E> type) {
    String value = text(field);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw invalid(
          field,
          "unknown value '"
              + value
              + "', expected one of "
              + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A non-empty array of identifiers. */
  public List<String> ids(String field) {
    JsonValue value = required(field);
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(field, "not an array");
    }
    JsonArray array = value.asJsonArray();
    if (array.isEmpty()) {
      throw invalid(field, "empty");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue element = array.get(i);
      String name = field + "[" + i + "]";
      if (element.getValueType() != JsonValue.ValueType.STRING
          || ((JsonString) element).getString().isBlank()) {
        throw invalid(name, "not a non-blank string");
      }
      String id = ((JsonString) element).getString();
      if (id.length() > MAX_ID_LENGTH) {
        throw invalid(name, "longer than " + MAX_ID_LENGTH + " characters");
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }

  /** A JSON object, present. */
  public JsonObject object(String field) {
    JsonValue value = required(field);
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid(field, "not an object");
    }
    return value.asJsonObject();
  }

  /** The fields of a nested object, named {@code field.inner} in reasons. */
  public MessageFields nested(String field) {
    return new MessageFields(message + "." + field, object(field));
  }

  /** An ISO-8601 instant. */
  public Instant instant(String field) {
    String value = text(field);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(field, "not an ISO-8601 instant: '" + value + "'");
    }
  }

  private JsonValue required(String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new RejectedMessage(message + ": missing field '" + field + "'");
    }
    return value;
  }

  private RejectedMessage invalid(String field, String why) {
    return new RejectedMessage(message + ": invalid field '" + field + "': " + why);
  }
}
