package io.callflow.notification.control;

import io.callflow.notification.entity.AccessToken;
import io.callflow.platform.json.Jsonp;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * APNs provider authentication tokens: a JWT (ES256, the key's id as {@code kid}, the team as
 * issuer) signed with the .p8 key. APNs refuses tokens older than an hour and also tokens renewed
 * more often than every 20 minutes, so one token serves every push for 50 minutes.
 */
final class ApnsProviderTokens {

  static final Duration REUSE = Duration.ofMinutes(50);

  private final String keyId;
  private final String teamId;
  private final PrivateKey key;
  private final Clock clock;
  private AccessToken current;

  ApnsProviderTokens(String keyId, String teamId, PrivateKey key, Clock clock) {
    this.keyId = keyId;
    this.teamId = teamId;
    this.key = key;
    this.clock = clock;
  }

  synchronized String current() {
    Instant now = clock.instant();
    // AccessToken renews a margin before expiry; the margin is added here so reuse lasts REUSE
    if (current == null || !current.usableAt(now)) {
      current = new AccessToken(sign(now), now.plus(REUSE).plus(AccessToken.RENEWAL_MARGIN));
    }
    return current.value();
  }

  /** A new token, for when APNs said the kept one is expired (ExpiredProviderToken). */
  synchronized String renewed(String refused) {
    if (current != null && current.value().equals(refused)) {
      current = null;
    }
    return current();
  }

  private String sign(Instant now) {
    return CompactJws.sign(
        Jsonp.createObjectBuilder().add("alg", "ES256").add("kid", keyId).build(),
        Jsonp.createObjectBuilder().add("iss", teamId).add("iat", now.getEpochSecond()).build(),
        key);
  }
}
