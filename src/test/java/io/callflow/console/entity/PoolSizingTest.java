package io.callflow.console.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolSizingTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void anHourOfSteadyBookingsGivesTheirRateHoldAndTheNumbersNeeded() {
    // 60 minutes, 10 bookings started and ended each, each held 60 s: 600 an hour, 10 erlangs
    List<PoolSample> hour = new ArrayList<>();
    for (int minute = 0; minute < 60; minute++) {
      hour.add(
          new PoolSample(Instant.EPOCH.plus(MINUTE.multipliedBy(minute)), 12, 10, 10, 10, 600));
    }
    PoolSizing sizing = PoolSizing.of("p", true, TIMEOUT, MINUTE, hour);
    assertEquals(600, sizing.bookingsPerHour(), 1e-9);
    assertEquals(60, sizing.meanHoldSeconds(), 1e-9);
    assertEquals(10, sizing.erlangs(), 1e-9);
    assertEquals(Optional.of(18), sizing.numbersForOnePercent());
    assertEquals(Optional.of(21), sizing.numbersForOneTenthPercent());
    assertEquals(12, sizing.numbers());
    assertEquals(10, sizing.liveBookings());
  }

  @Test
  void whileNoBookingHasEndedTheTimeoutBoundsTheHold() {
    List<PoolSample> two =
        List.of(
            new PoolSample(Instant.EPOCH, 1, 0, 0, 0, 0),
            new PoolSample(Instant.EPOCH.plus(MINUTE), 1, 1, 1, 0, 0));
    PoolSizing sizing = PoolSizing.of("p", true, TIMEOUT, MINUTE, two);
    assertEquals(30, sizing.meanHoldSeconds(), 1e-9);
    assertEquals(Duration.ofMinutes(2), sizing.observed());
    assertEquals(30, sizing.bookingsPerHour(), 1e-9);
    assertEquals(0.25, sizing.erlangs(), 1e-9);
    assertTrue(sizing.numbersForOnePercent().orElseThrow() >= 1);
  }

  @Test
  void aSharedPoolGetsNoAdviceAndNoSamplesMeanNoLoad() {
    PoolSizing shared =
        PoolSizing.of(
            "s", false, TIMEOUT, MINUTE, List.of(new PoolSample(Instant.EPOCH, 3, 2, 5, 5, 50)));
    assertEquals(Optional.empty(), shared.numbersForOnePercent());
    PoolSizing idle = PoolSizing.of("i", true, TIMEOUT, MINUTE, List.of());
    assertEquals(0, idle.erlangs(), 0);
    assertEquals(Optional.of(0), idle.numbersForOnePercent());
  }

  @Test
  void utilisationIsTheShareOfNumbersHeld() {
    assertEquals(0.5, new PoolSample(Instant.EPOCH, 4, 2, 0, 0, 0).utilisation(), 1e-9);
    assertEquals(0, new PoolSample(Instant.EPOCH, 0, 0, 0, 0, 0).utilisation(), 0);
  }
}
