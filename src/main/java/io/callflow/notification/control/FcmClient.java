package io.callflow.notification.control;

import io.callflow.notification.entity.Push;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Sends pushes through the FCM HTTP v1 API as data messages, the way GMS apps expect them: data key
 * {@code message} holds GMS's JSON string. No CDI here, so a test can point it at a stub.
 *
 * <p>FCM's answers sort by status alone: 404 UNREGISTERED and 400 INVALID_ARGUMENT (a token that
 * will never take a push), 401 and 403 after one renewed token (bad credentials, a sender mismatch)
 * are permanent; 429, 5xx and no answer at all are worth another try. The reason keeps FCM's body,
 * which names the error code.
 */
public final class FcmClient implements ProviderClient {

  private final URI sendUri;
  private final GoogleAccessTokens tokens;
  private final ProviderConnection fcm;

  FcmClient(
      URI endpoint,
      String projectId,
      GoogleAccessTokens tokens,
      HttpClient http,
      Duration requestTimeout) {
    String base = endpoint.toString().replaceAll("/+$", "");
    this.sendUri = URI.create(base + "/v1/projects/" + projectId + "/messages:send");
    this.tokens = tokens;
    this.fcm = new ProviderConnection("FCM", http, requestTimeout);
  }

  @Override
  public void send(Push push) throws DeliveryFailure {
    String body = body(push).toString();
    String token = tokens.current();
    ProviderAnswer answer = post(body, token);
    if (answer.status() == 401 || answer.status() == 403) {
      // an access token can be revoked or expire early; only a second refusal means bad credentials
      answer = post(body, tokens.renewed(token));
    }
    if (!answer.succeeded()) {
      throw answer.failure();
    }
  }

  /**
   * {@code {"message":{"token":…,"data":{"message":…,"_id":…,"event_id":…}}}}; FCM takes only
   * strings as data values.
   */
  static JsonObject body(Push push) {
    return Jsonp.createObjectBuilder()
        .add(
            "message",
            Jsonp.createObjectBuilder()
                .add("token", push.deviceId())
                .add(
                    "data",
                    Jsonp.createObjectBuilder()
                        .add("message", push.message())
                        .add("_id", push.serviceId())
                        .add("event_id", push.eventId())))
        .build();
  }

  private ProviderAnswer post(String body, String accessToken) throws DeliveryFailure {
    return fcm.send(
        HttpRequest.newBuilder(sendUri)
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
