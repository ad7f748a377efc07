package io.callflow.notification.control;

import io.callflow.notification.entity.AccessToken;
import io.callflow.notification.entity.ServiceAccount;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth 2.0 access tokens for FCM, obtained the service-account way (RFC 7523): a JWT signed with
 * the account's key is exchanged at its {@code token_uri}. A token is kept until shortly before it
 * expires, so pushes do not each pay for an exchange; callers wait for one exchange at a time, so a
 * burst of pushes with no token yet causes one exchange, not one each.
 */
final class GoogleAccessTokens {

  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

  private final ServiceAccount account;
  private final ProviderConnection tokenEndpoint;
  private final Clock clock;
  private AccessToken current;

  GoogleAccessTokens(
      ServiceAccount account, HttpClient http, Duration requestTimeout, Clock clock) {
    this.account = account;
    this.tokenEndpoint = new ProviderConnection("FCM token endpoint", http, requestTimeout);
    this.clock = clock;
  }

  /** A token that is good for a while yet, exchanged only when the kept one is about to expire. */
  synchronized String current() throws DeliveryFailure {
    if (current == null || !current.usableAt(clock.instant())) {
      current = exchange();
    }
    return current.value();
  }

  /** A new token, for when the provider refused the kept one before its time. */
  synchronized String renewed(String refused) throws DeliveryFailure {
    if (current != null && current.value().equals(refused)) {
      current = null; // another push may have renewed it meanwhile: then that one is used
    }
    return current();
  }

  private AccessToken exchange() throws DeliveryFailure {
    Instant now = clock.instant();
    String form =
        "grant_type="
            + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
            + "&assertion="
            + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
    ProviderAnswer answer =
        tokenEndpoint.send(
            HttpRequest.newBuilder(account.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (!answer.succeeded()) {
      // 400 invalid_grant or 401 invalid_client: the account or its key is wrong, and stays wrong
      throw answer.failure();
    }
    return parse(answer, now);
  }

  private String assertion(Instant now) {
    JsonObjectBuilder header = Jsonp.createObjectBuilder().add("alg", "RS256").add("typ", "JWT");
    if (account.privateKeyId() != null) {
      header.add("kid", account.privateKeyId());
    }
    JsonObject claims =
        Jsonp.createObjectBuilder()
            .add("iss", account.clientEmail())
            .add("scope", SCOPE)
            .add("aud", account.tokenUri().toString())
            .add("iat", now.getEpochSecond())
            .add("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond())
            .build();
    return CompactJws.sign(header.build(), claims, account.privateKey());
  }

  private static AccessToken parse(ProviderAnswer answer, Instant now) throws DeliveryFailure {
    try (JsonReader reader = Jsonp.createReader(new StringReader(answer.body()))) {
      JsonObject token = reader.readObject();
      if (token.get("access_token") instanceof JsonString value
          && token.get("expires_in") instanceof JsonNumber lifetime) {
        return new AccessToken(value.getString(), now.plusSeconds(lifetime.longValue()));
      }
    } catch (JsonException | IllegalStateException e) {
      // reported below with the body, which tells more than the parser does
    }
    throw new DeliveryFailure(answer.reason() + " (no access_token and expires_in)", false);
  }
}
