package io.callflow.notification.control;

import io.callflow.notification.entity.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code httpcb}: POSTs GMS's message to the subscription's URL; any 2xx is delivered. With a
 * secret, the request is signed: {@code X-Callflow-Signature: sha256=<hex HMAC-SHA256(secret,
 * timestamp + "." + body)>} with the {@code X-Callflow-Timestamp} (epoch seconds) it covers, so
 * receivers can refuse forgeries and replays.
 */
@ApplicationScoped
public class HttpCallbackChannel implements PushChannel {

  public static final String EVENT_ID = "X-Callflow-Event-Id";
  public static final String TIMESTAMP = "X-Callflow-Timestamp";
  public static final String SIGNATURE = "X-Callflow-Signature";

  @Inject NotificationConfiguration configuration;
  @Inject Clock clock;

  private HttpClient http;

  @Inject HttpCallbackTargets targets;

  @Override
  public Set<String> types() {
    return Set.of("httpcb");
  }

  @Override
  public void deliver(Push push) throws DeliveryFailure {
    URI target;
    try {
      target = URI.create(push.deviceId());
    } catch (IllegalArgumentException e) {
      throw new DeliveryFailure("not a URL: " + push.deviceId(), true);
    }
    Optional<String> refused = targets.problemWith(push.deviceId(), true);
    if (refused.isPresent()) {
      // resolving later or elsewhere may change that, so a retry is worth it; a bad scheme is not
      throw new DeliveryFailure(
          "target refused: " + refused.get(), refused.get().startsWith("must be"));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(configuration.httpTimeout())
            .header("Content-Type", "application/json")
            .header(EVENT_ID, push.eventId())
            .POST(HttpRequest.BodyPublishers.ofString(push.message(), StandardCharsets.UTF_8));
    if (push.secret() != null) {
      String timestamp = String.valueOf(clock.instant().getEpochSecond());
      request
          .header(TIMESTAMP, timestamp)
          .header(SIGNATURE, "sha256=" + sign(push.secret(), timestamp, push.message()));
    }
    try {
      HttpResponse<String> answer =
          client().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new DeliveryFailure("HTTP " + answer.statusCode() + " from " + target, false);
      }
    } catch (IOException e) {
      throw new DeliveryFailure(
          e.getClass().getSimpleName() + " posting to " + target + ": " + e.getMessage(), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("interrupted posting to " + target, false, e);
    }
  }

  /** The signature a receiver recomputes: hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized HttpClient client() {
    if (http == null) {
      // plain HTTP/1.1: webhook receivers speak it, and no h2c upgrade dance is attempted on each
      // one
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(configuration.httpTimeout())
              .build();
    }
    return http;
  }
}
