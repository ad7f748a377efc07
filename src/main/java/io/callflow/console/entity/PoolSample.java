package io.callflow.console.entity;

import java.time.Instant;

/**
 * One pool at the end of one sampling interval: its numbers and live bookings then, and the
 * bookings that started and ended during the interval, with their summed hold time.
 */
public record PoolSample(
    Instant sampledAt,
    int numbers,
    int liveBookings,
    int bookingsStarted,
    int bookingsEnded,
    double heldSeconds) {

  /** The share of the pool's numbers held by live bookings, 0 for a pool without numbers. */
  public double utilisation() {
    return numbers == 0 ? 0 : Math.min(1.0, (double) liveBookings / numbers);
  }
}
