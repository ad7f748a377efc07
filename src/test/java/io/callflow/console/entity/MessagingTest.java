package io.callflow.console.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessagingTest {

  private static final Instant NOW = Instant.parse("2026-12-05T15:00:00Z");

  @Test
  void theOldestWaitingMessageHasWaitedSinceItWasWritten() {
    Messaging messaging =
        new Messaging(
            false, Optional.of("refused"), Optional.empty(), 4, Optional.of(NOW.minusSeconds(12)));
    assertEquals(Optional.of(Duration.ofSeconds(12)), messaging.oldestAge(NOW));
  }

  @Test
  void aMessageWrittenByAClockAheadHasNotWaitedBelowZero() {
    Messaging messaging =
        new Messaging(
            true, Optional.empty(), Optional.empty(), 1, Optional.of(NOW.plusMillis(300)));
    assertEquals(Optional.of(Duration.ZERO), messaging.oldestAge(NOW));
  }

  @Test
  void nothingWaitingHasNoAge() {
    Messaging messaging =
        new Messaging(true, Optional.empty(), Optional.empty(), 0, Optional.empty());
    assertTrue(messaging.oldestAge(NOW).isEmpty());
  }
}
