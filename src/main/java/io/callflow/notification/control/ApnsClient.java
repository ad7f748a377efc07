package io.callflow.notification.control;

import io.callflow.notification.entity.Push;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Sends pushes through the APNs provider API (HTTP/2, token authentication): an alert that shows
 * {@code apple.alertMessage.body} and carries GMS's message string, or a silent background push
 * when the subscription asks for one. No CDI here, so a test can point it at a stub with its own
 * trust.
 *
 * <p>APNs's answers: 200 delivered; 400 (BadDeviceToken and other malformed requests), 403 (key or
 * token refused), 404 and 410 (Unregistered) are permanent; 429, 5xx and no answer are worth
 * another try. An ExpiredProviderToken 403 is tried once more with a new token first.
 */
public final class ApnsClient implements ProviderClient {

  /** Subscription property: {@code background} for a silent push instead of an alert. */
  public static final String PUSH_TYPE_PROPERTY = "apns.push-type";

  /** Subscription property: the text of the alert. */
  public static final String ALERT_BODY_PROPERTY = "apple.alertMessage.body";

  static final String DEFAULT_ALERT_BODY = "You have an update from the contact center.";

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  // device tokens are hexadecimal; anything outside URL-safe characters cannot be one, and would
  // otherwise end up as another path on the provider
  private static final Pattern DEVICE_TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");

  private final String base;
  private final String topic;
  private final ApnsProviderTokens tokens;
  private final ProviderConnection apns;

  ApnsClient(
      URI endpoint,
      String topic,
      ApnsProviderTokens tokens,
      HttpClient http,
      Duration requestTimeout) {
    this.base = endpoint.toString().replaceAll("/+$", "");
    this.topic = topic;
    this.tokens = tokens;
    this.apns = new ProviderConnection("APNs", http, requestTimeout);
  }

  @Override
  public void send(Push push) throws DeliveryFailure {
    if (!DEVICE_TOKEN.matcher(push.deviceId()).matches()) {
      throw new DeliveryFailure("APNs: '" + push.deviceId() + "' is not a device token", true);
    }
    String token = tokens.current();
    ProviderAnswer answer = post(push, token);
    if (answer.status() == 403 && "ExpiredProviderToken".equals(reasonCode(answer.body()))) {
      answer = post(push, tokens.renewed(token));
    }
    if (!answer.succeeded()) {
      throw answer.failure();
    }
  }

  static boolean isBackground(Push push) {
    return "background".equalsIgnoreCase(push.properties().get(PUSH_TYPE_PROPERTY));
  }

  /**
   * {@code {"aps":{"alert":{"body":…},"content-available":1},"message":…,"_id":…}}; a background
   * push has no alert, as APNs requires of one.
   */
  static JsonObject body(Push push) {
    JsonObjectBuilder aps = Jsonp.createObjectBuilder();
    if (!isBackground(push)) {
      String alert = push.properties().getOrDefault(ALERT_BODY_PROPERTY, DEFAULT_ALERT_BODY);
      aps.add("alert", Jsonp.createObjectBuilder().add("body", alert));
    }
    aps.add("content-available", 1);
    return Jsonp.createObjectBuilder()
        .add("aps", aps)
        .add("message", push.message())
        .add("_id", push.serviceId())
        .build();
  }

  private ProviderAnswer post(Push push, String providerToken) throws DeliveryFailure {
    boolean background = isBackground(push);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/3/device/" + push.deviceId()))
            .header("authorization", "bearer " + providerToken)
            .header("apns-topic", topic)
            .header("apns-push-type", background ? "background" : "alert")
            .POST(HttpRequest.BodyPublishers.ofString(body(push).toString()));
    if (background) {
      request.header(
          "apns-priority", "5"); // Apple requires 5 for background pushes; 10 is the default
    }
    if (UUID.matcher(push.eventId()).matches()) {
      // APNs reports this id back, and it ties a device-side log line to our event
      request.header("apns-id", push.eventId());
    }
    return apns.send(request);
  }

  /** The {@code reason} of an APNs error body ({@code {"reason":"BadDeviceToken"}}), or null. */
  static String reasonCode(String body) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
      return reader.readObject().getString("reason", null);
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }
}
