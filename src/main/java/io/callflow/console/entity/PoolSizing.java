package io.callflow.console.entity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a pool has been used over the samples of the last hour, and how many numbers it would need
 * for 1 % and 0.1 % of bookings to find it exhausted (Erlang B, {@link ErlangB}). Only a locking
 * pool gives each booking a number of its own; a shared pool is limited by its codes, not its
 * numbers, and gets no advice.
 *
 * @param meanHoldSeconds the mean hold of the bookings that ended; the pool's booking timeout (the
 *     longest a booking is held) while none has ended
 */
public record PoolSizing(
    String pool,
    boolean locking,
    int numbers,
    int liveBookings,
    long bookingsStarted,
    Duration observed,
    double bookingsPerHour,
    double meanHoldSeconds,
    double erlangs,
    Optional<Integer> numbersForOnePercent,
    Optional<Integer> numbersForOneTenthPercent,
    List<PoolSample> samples) {

  public static final double ONE_PERCENT = 0.01;
  public static final double ONE_TENTH_PERCENT = 0.001;

  /**
   * The sizing from {@code samples} (oldest first), each covering {@code interval}; {@code numbers}
   * and {@code liveBookings} are the latest sample's.
   */
  public static PoolSizing of(
      String pool,
      boolean locking,
      Duration bookingTimeout,
      Duration interval,
      List<PoolSample> samples) {
    long started = samples.stream().mapToLong(PoolSample::bookingsStarted).sum();
    long ended = samples.stream().mapToLong(PoolSample::bookingsEnded).sum();
    double held = samples.stream().mapToDouble(PoolSample::heldSeconds).sum();
    Duration observed = interval.multipliedBy(samples.size());
    double perSecond = observed.isZero() ? 0 : (double) started / observed.toSeconds();
    double hold = ended > 0 ? held / ended : bookingTimeout.toSeconds();
    double erlangs = perSecond * hold;
    PoolSample latest = samples.isEmpty() ? null : samples.get(samples.size() - 1);
    return new PoolSizing(
        pool,
        locking,
        latest == null ? 0 : latest.numbers(),
        latest == null ? 0 : latest.liveBookings(),
        started,
        observed,
        perSecond * 3600,
        hold,
        erlangs,
        advice(locking, erlangs, ONE_PERCENT),
        advice(locking, erlangs, ONE_TENTH_PERCENT),
        List.copyOf(samples));
  }

  private static Optional<Integer> advice(boolean locking, double erlangs, double target) {
    if (!locking) {
      return Optional.empty();
    }
    try {
      return Optional.of(ErlangB.numbersFor(erlangs, target));
    } catch (IllegalArgumentException beyondTheTables) {
      return Optional.empty();
    }
  }
}
