package io.callflow.notification.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;

/** A request a provider stub received; header names in lower case. */
record StubRequest(
    String method, String path, String protocol, Map<String, String> headers, String body) {

  String header(String name) {
    return headers.get(name);
  }

  JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** The token after "Bearer " (FCM) or "bearer " (APNs). */
  String bearer(String scheme) {
    String authorization = header("authorization");
    if (authorization == null || !authorization.startsWith(scheme + " ")) {
      throw new AssertionError("no '" + scheme + "' authorization: " + headers);
    }
    return authorization.substring(scheme.length() + 1);
  }
}
