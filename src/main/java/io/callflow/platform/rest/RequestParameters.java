package io.callflow.platform.rest;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key/value pairs of a GMS request body, whichever way the client sent them: URL-encoded form,
 * multipart form or a JSON object. An empty body (with or without a content type) is an empty form.
 */
public final class RequestParameters {

  /** Request bodies above this size are refused with 413. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private static final int FIRST_READ_BYTES = 512;

  private RequestParameters() {}

  public static Map<String, String> parse(MediaType type, InputStream body) {
    return withoutNul(parseAny(type, body));
  }

  /** No NUL character gets past the boundary: PostgreSQL text cannot hold one. */
  private static Map<String, String> withoutNul(Map<String, String> parameters) {
    parameters.forEach(
        (key, value) -> {
          if (key.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
            throw ProblemException.badParameter(key.replace('\0', '?'), "contains a NUL character");
          }
        });
    return parameters;
  }

  private static Map<String, String> parseAny(MediaType type, InputStream body) {
    byte[] bytes = readLimited(body);
    if (bytes.length == 0) {
      return new LinkedHashMap<>();
    }
    if (type == null || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return form(new String(bytes, StandardCharsets.UTF_8));
    }
    if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")) {
      return json(bytes);
    }
    if (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      String boundary = type.getParameters().get("boundary");
      if (boundary == null) {
        throw ProblemException.badParameter(
            "Content-Type", "multipart/form-data without a boundary");
      }
      return MultipartForm.parse(bytes, boundary);
    }
    throw new ProblemException(
        Status.UNSUPPORTED_MEDIA_TYPE,
        "UNSUPPORTED_MEDIA_TYPE",
        "UnsupportedMediaType",
        "Content-Type "
            + type.getType()
            + "/"
            + type.getSubtype()
            + " is not supported; send application/x-www-form-urlencoded,"
            + " multipart/form-data or application/json",
        List.of(new ProblemException.InvalidParam("Content-Type", "unsupported media type")));
  }

  static byte[] readLimited(InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try {
      // most bodies are a short form: start small, not with readNBytes's 8 KB per request
      byte[] bytes = new byte[FIRST_READ_BYTES];
      int length = 0;
      for (int read; (read = body.read(bytes, length, bytes.length - length)) >= 0; ) {
        length += read;
        if (length == bytes.length) {
          if (length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("body", "larger than " + MAX_BODY_BYTES + " bytes");
          }
          bytes = Arrays.copyOf(bytes, Math.min(2 * length, MAX_BODY_BYTES + 1));
        }
      }
      return Arrays.copyOf(bytes, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        values.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badParameter(
            "body", "malformed form encoding near '" + abbreviate(pair) + "'");
      }
    }
    return values;
  }

  private static Map<String, String> json(byte[] bytes) {
    JsonValue parsed;
    try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(bytes))) {
      parsed = reader.readValue();
    } catch (JsonException e) {
      throw ProblemException.badParameter("body", "malformed JSON: " + e.getMessage());
    }
    if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ProblemException.badParameter("body", "must be a JSON object of strings");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> member : ((JsonObject) parsed).entrySet()) {
      JsonValue value = member.getValue();
      if (value.getValueType() != JsonValue.ValueType.NULL) {
        values.put(
            member.getKey(),
            StringObjects.scalar(value)
                .orElseThrow(
                    () ->
                        ProblemException.badParameter(
                            member.getKey(), "must be a string, number or boolean")));
      }
    }
    return values;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
