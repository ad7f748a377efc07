package io.callflow.notification.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;

/**
 * The JMS message that carries one push to one subscription through the delivery queue; a retry is
 * the same order with the next attempt number, sent with a delay. {@code looks} counts the times
 * the order came back because its subscription was not visible yet: those are no delivery attempts.
 */
public record PushOrder(
    String eventId,
    String subscriptionId,
    String serviceId,
    String message,
    int attempt,
    int looks) {

  public static final String TYPE = "PushOrder";
  private static final Duration MAX_DELAY = Duration.ofSeconds(60);

  public PushOrder(
      String eventId, String subscriptionId, String serviceId, String message, int attempt) {
    this(eventId, subscriptionId, serviceId, message, attempt, 0);
  }

  /** The next delivery attempt. */
  public PushOrder next() {
    return new PushOrder(eventId, subscriptionId, serviceId, message, attempt + 1, looks);
  }

  /** The same attempt, looked at once more. */
  public PushOrder lookAgain() {
    return new PushOrder(eventId, subscriptionId, serviceId, message, attempt, looks + 1);
  }

  /**
   * Exponential back-off: {@code base} before the 2nd attempt, doubled each time, at most a minute.
   */
  public Duration delayBeforeNext(Duration base) {
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration delay = base.multipliedBy(factor);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  public String toJson() {
    return Jsonp.createObjectBuilder()
        .add("eventId", eventId)
        .add("subscriptionId", subscriptionId)
        .add("serviceId", serviceId)
        .add("message", message)
        .add("attempt", attempt)
        .add("looks", looks)
        .build()
        .toString();
  }

  public static PushOrder fromJson(String json) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      return new PushOrder(
          o.getString("eventId"),
          o.getString("subscriptionId"),
          o.getString("serviceId"),
          o.getString("message"),
          o.getInt("attempt"),
          o.getInt("looks", 0));
    }
  }
}
