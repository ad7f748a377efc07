package io.callflow.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushOrderTest {

  private final PushOrder first = new PushOrder("e1", "s1", "svc", "{\"_id\":\"svc\"}", 1);

  @Test
  void lookingAgainForASubscriptionIsNoDeliveryAttempt() {
    PushOrder looked = first.lookAgain().lookAgain();
    assertEquals(1, looked.attempt());
    assertEquals(2, looked.looks());
    assertEquals(2, looked.next().attempt());
    assertEquals(2, looked.next().looks());
  }

  @Test
  void survivesTheQueueAndReadsOrdersWrittenBeforeLooksWereCounted() {
    PushOrder looked = first.lookAgain();
    assertEquals(looked, PushOrder.fromJson(looked.toJson()));
    PushOrder older =
        PushOrder.fromJson(
            "{\"eventId\":\"e1\",\"subscriptionId\":\"s1\",\"serviceId\":\"svc\",\"message\":\"m\",\"attempt\":3}");
    assertEquals(3, older.attempt());
    assertEquals(0, older.looks());
  }

  @Test
  void backOffDoublesUpToAMinute() {
    Duration base = Duration.ofSeconds(2);
    assertEquals(Duration.ofSeconds(2), first.delayBeforeNext(base));
    assertEquals(Duration.ofSeconds(4), first.next().delayBeforeNext(base));
    assertEquals(
        Duration.ofSeconds(60), new PushOrder("e", "s", "v", "m", 10).delayBeforeNext(base));
  }
}
