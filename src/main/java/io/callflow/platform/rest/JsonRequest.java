package io.callflow.platform.rest;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON object request body (the admin API's), read member by member. A member of the wrong type
 * is recorded rather than thrown, so that one 400 answer names every bad field: readers call {@link
 * #requireValid()} once they have looked at everything. A {@code null} member counts as absent.
 */
public final class JsonRequest {

  private final JsonObject object;
  private final String prefix;
  private final List<InvalidParam> invalid;

  private JsonRequest(JsonObject object, String prefix, List<InvalidParam> invalid) {
    this.object = object;
    this.prefix = prefix;
    this.invalid = invalid;
  }

  /** Reads a body that must be one JSON object; anything else is a 400 naming {@code body}. */
  public static JsonRequest parse(InputStream body) {
    byte[] bytes = RequestParameters.readLimited(body);
    if (bytes.length == 0) {
      throw ProblemException.badParameter("body", "is empty; send a JSON object");
    }
    JsonValue parsed;
    try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(bytes))) {
      parsed = reader.readValue();
    } catch (JsonException e) {
      throw ProblemException.badParameter("body", "malformed JSON: " + e.getMessage());
    }
    if (parsed.getValueType() != ValueType.OBJECT) {
      throw ProblemException.badParameter("body", "must be a JSON object");
    }
    return of(parsed.asJsonObject());
  }

  public static JsonRequest of(JsonObject object) {
    return new JsonRequest(object, "", new ArrayList<>());
  }

  /**
   * The name a client sees for {@code member}: {@code location.latitude} inside {@code location}.
   */
  public String field(String member) {
    return prefix + member;
  }

  public boolean has(String member) {
    return object.containsKey(member) && object.get(member).getValueType() != ValueType.NULL;
  }

  public Optional<String> string(String member) {
    return typed(member, "must be a string", ValueType.STRING)
        .map(v -> ((JsonString) v).getString());
  }

  public Optional<JsonNumber> number(String member) {
    return typed(member, "must be a number", ValueType.NUMBER).map(JsonNumber.class::cast);
  }

  public Optional<JsonArray> array(String member) {
    return typed(member, "must be an array", ValueType.ARRAY).map(JsonValue::asJsonArray);
  }

  public Optional<JsonObject> object(String member) {
    return typed(member, "must be an object", ValueType.OBJECT).map(JsonValue::asJsonObject);
  }

  /** An object member read like this request, its bad fields reported with this one's. */
  public Optional<JsonRequest> nested(String member) {
    return object(member).map(inner -> new JsonRequest(inner, field(member) + ".", invalid));
  }

  /** Records that {@code member} is missing, when it is. */
  public boolean require(String member) {
    if (has(member)) {
      return true;
    }
    invalid(field(member), "is required");
    return false;
  }

  /** Records a bad field, named as the client should see it ({@link #field}). */
  public void invalid(String field, String reason) {
    invalid.add(new InvalidParam(field, reason));
  }

  public boolean isValid() {
    return invalid.isEmpty();
  }

  /** Throws a 400 naming every bad field recorded so far, if any. */
  public void requireValid() {
    if (!invalid.isEmpty()) {
      throw ProblemException.badParameters(invalid);
    }
  }

  private Optional<JsonValue> typed(String member, String reason, ValueType type) {
    if (!has(member)) {
      return Optional.empty();
    }
    JsonValue value = object.get(member);
    if (value.getValueType() != type) {
      invalid(field(member), reason);
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
