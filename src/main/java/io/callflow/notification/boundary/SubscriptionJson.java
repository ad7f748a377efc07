package io.callflow.notification.boundary;

import io.callflow.notification.control.SubscriptionRequest;
import io.callflow.notification.entity.DeliveryType;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.rest.JsonRequest;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a Notification API subscription: {@code {"subscriberId", "providerName"?,
 * "notificationDetails": {"deviceId", "type", "properties"?}, "expire"?, "filter", "secret"?}}, or
 * a 400 naming every bad field.
 */
final class SubscriptionJson {

  static final long MIN_EXPIRE_SECONDS = 30;
  static final long MAX_EXPIRE_SECONDS = 30L * 24 * 3600;

  private SubscriptionJson() {}

  static SubscriptionRequest read(InputStream body) {
    return read(JsonRequest.parse(body));
  }

  static SubscriptionRequest read(JsonRequest request) {
    request.require("subscriberId");
    request.require("filter");
    request.require("notificationDetails");
    String subscriberId = nonBlank(request, "subscriberId");
    String filter = nonBlank(request, "filter");
    String providerName = request.string("providerName").orElse(null);
    String secret = request.string("secret").filter(s -> !s.isEmpty()).orElse(null);
    long expire =
        request
            .number("expire")
            .map(n -> n.isIntegral() ? n.longValue() : -1)
            .orElse(MIN_EXPIRE_SECONDS);
    if (request.has("expire") && (expire < MIN_EXPIRE_SECONDS || expire > MAX_EXPIRE_SECONDS)) {
      request.invalid(
          request.field("expire"),
          "must be whole seconds from " + MIN_EXPIRE_SECONDS + " to " + MAX_EXPIRE_SECONDS);
    }
    DeliveryType type = null;
    String deviceId = null;
    JsonObjectBuilder properties = Jsonp.createObjectBuilder();
    Optional<JsonRequest> details = request.nested("notificationDetails");
    if (details.isPresent()) {
      JsonRequest d = details.get();
      d.require("deviceId");
      d.require("type");
      deviceId = nonBlank(d, "deviceId");
      String rawType = d.string("type").orElse(null);
      if (rawType != null) {
        type = DeliveryType.byWireName(rawType).orElse(null);
        if (type == null) {
          d.invalid(d.field("type"), "must be one of " + DeliveryType.names());
        }
      }
      if (type == DeliveryType.HTTPCB && deviceId != null && !isHttpUrl(deviceId)) {
        d.invalid(d.field("deviceId"), "must be an http or https URL for httpcb");
      }
      d.object("properties")
          .ifPresent(
              p ->
                  p.forEach(
                      (k, v) -> properties.add(k, StringObjects.scalar(v).orElse(v.toString()))));
    }
    request.requireValid();
    return new SubscriptionRequest(
        subscriberId,
        providerName,
        type,
        deviceId,
        filter,
        properties.build().toString(),
        secret,
        Duration.ofSeconds(expire));
  }

  private static String nonBlank(JsonRequest request, String member) {
    Optional<String> value = request.string(member);
    if (value.isPresent() && value.get().isBlank()) {
      request.invalid(request.field(member), "must not be blank");
      return null;
    }
    return value.map(String::strip).orElse(null);
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = URI.create(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
