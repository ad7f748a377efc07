package io.callflow.access.entity;

/**
 * How busy a pool is: its live bookings against its numbers. A shared pool's ratio may exceed 1,
 * since many bookings may hold one number.
 */
public record Utilisation(long liveBookings, int numbers) {

  /** Live bookings per number, to four decimals; 0 for a pool without numbers. */
  public double ratio() {
    if (numbers == 0) {
      return 0;
    }
    return Math.round(liveBookings * 10_000.0 / numbers) / 10_000.0;
  }
}
