package io.callflow.notification.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

  private static final Instant EXPIRY = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void isGivenUpAMinuteBeforeItExpires() {
    AccessToken token = new AccessToken("t", EXPIRY);

    assertTrue(token.usableAt(EXPIRY.minusSeconds(61)));
    assertFalse(token.usableAt(EXPIRY.minusSeconds(60)));
    assertFalse(token.usableAt(EXPIRY));
  }
}
