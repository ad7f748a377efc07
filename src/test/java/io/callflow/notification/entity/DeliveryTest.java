package io.callflow.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryTest {

  private static final Instant AT = Instant.parse("2026-12-05T15:00:00Z");

  @Test
  void aPushGivenUpIsSentAgainFromItsFirstAttemptWithWhatItCarried() {
    PushOrder third = new PushOrder("e1", "s1", "i1", "{\"_id\":\"i1\"}", 3, 2);
    Delivery dead = Delivery.dead(third, "HTTP 503", AT);

    assertEquals(Delivery.State.DEAD, dead.state());
    assertEquals(3, dead.attempts());
    assertEquals("HTTP 503", dead.reason());
    assertEquals(
        new PushOrder("e1", "s1", "i1", "{\"_id\":\"i1\"}", 1, 0), dead.again().orElseThrow());
  }

  @Test
  void aPushRecordedWithoutItsMessageCannotBeSentAgain() {
    Delivery old = new Delivery("e1", "s1", Delivery.State.DEAD, 5, "gone", AT);
    assertTrue(old.again().isEmpty());
    assertTrue(old.serviceId().isEmpty());
  }
}
