package io.callflow.routing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A queue entry's life: waiting, reserved, held longer, requeued at the same place, engaged. */
class QueueEntryTest {

  private static final Instant QUEUED = Instant.parse("2026-01-01T10:00:00Z");

  private final QueueEntry entry =
      new QueueEntry("s1", "sales", QUEUED, Duration.ofSeconds(120), Duration.ofHours(4));

  @Test
  void aReservationLastsTheReserveTimeoutUnlessHeldLonger() {
    Instant dispatched = QUEUED.plusSeconds(30);
    entry.reserve("a1", dispatched);
    assertTrue(entry.isReserved());
    assertEquals(Optional.of(dispatched.plusSeconds(120)), entry.reservedUntil());

    entry.holdUntil(dispatched.plusSeconds(500));
    assertEquals(Optional.of(dispatched.plusSeconds(500)), entry.reservedUntil());
  }

  @Test
  void aRequeuedCustomerKeepsTheirPlaceAndFreesTheAgent() {
    entry.reserve("a1", QUEUED.plusSeconds(30));
    entry.requeue(QUEUED.plusSeconds(300));
    assertTrue(entry.isWaiting());
    assertEquals(Optional.empty(), entry.agentId());
    assertEquals(Optional.empty(), entry.reservedUntil());
    assertEquals(QUEUED, entry.queuedSince(), "FIFO position kept");
  }

  @Test
  void anEngagedEntryHasNoReservationDeadlineAndIgnoresHolds() {
    entry.reserve("a1", QUEUED.plusSeconds(30));
    entry.engage(QUEUED.plusSeconds(60));
    assertTrue(entry.isEngaged());
    assertFalse(entry.isReserved());
    assertEquals(Optional.empty(), entry.reservedUntil());
    entry.holdUntil(QUEUED.plusSeconds(900));
    assertEquals(Optional.empty(), entry.reservedUntil(), "nothing to lapse once the call arrived");
    assertEquals(Optional.of("a1"), entry.agentId());
  }

  @Test
  void holdingAWaitingEntryChangesNothing() {
    entry.holdUntil(QUEUED.plusSeconds(900));
    assertEquals(Optional.empty(), entry.reservedUntil());
    assertTrue(entry.isWaiting());
  }
}
