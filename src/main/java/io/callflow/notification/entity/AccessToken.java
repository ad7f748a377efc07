package io.callflow.notification.entity;

import java.time.Duration;
import java.time.Instant;

/** A bearer token a provider handed out, good until {@code expiresAt}. */
public record AccessToken(String value, Instant expiresAt) {

  /**
   * Renewed this long before it expires, so a push that takes the token just before expiry does not
   * reach the provider with a token that expired on the way.
   */
  public static final Duration RENEWAL_MARGIN = Duration.ofMinutes(1);

  public boolean usableAt(Instant now) {
    return now.isBefore(expiresAt.minus(RENEWAL_MARGIN));
  }
}
