package io.callflow.console.entity;

/**
 * Erlang's loss formula: the chance that a booking finds every number of a locking pool taken, when
 * bookings arrive at random and {@code erlangs} numbers are busy on average (arrival rate × mean
 * hold time). A refused booking is a 503, not a wait, which is exactly Erlang B's model.
 */
public final class ErlangB {

  /** Beyond this many numbers the advice stops: a pool that needs more is sized by hand. */
  public static final int MAX_NUMBERS = 100_000;

  private ErlangB() {}

  /**
   * The blocking probability with {@code numbers} numbers, by the stable recursion B(0) = 1, B(n) =
   * A·B(n−1) / (n + A·B(n−1)).
   */
  public static double blocking(int numbers, double erlangs) {
    if (numbers < 0 || erlangs < 0 || Double.isNaN(erlangs)) {
      throw new IllegalArgumentException("numbers and load must not be negative");
    }
    double b = 1.0;
    for (int n = 1; n <= numbers; n++) {
      b = erlangs * b / (n + erlangs * b);
    }
    return b;
  }

  /** The fewest numbers that keep blocking at or below {@code target} (0 < target < 1). */
  public static int numbersFor(double erlangs, double target) {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("target blocking must be between 0 and 1");
    }
    if (erlangs <= 0) {
      return 0;
    }
    double b = 1.0;
    for (int n = 1; n <= MAX_NUMBERS; n++) {
      b = erlangs * b / (n + erlangs * b);
      if (b <= target) {
        return n;
      }
    }
    throw new IllegalArgumentException("more than " + MAX_NUMBERS + " numbers needed");
  }
}
