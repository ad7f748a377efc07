package io.callflow.soak;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A simulated customer's pace: the pause between two looks at the screen, or before the next
 * journey. These pauses are the load's shape, not waits for an outcome (those poll with a
 * deadline).
 */
final class Pace {

  private Pace() {}

  /**
   * Pauses between {@code fromMillis} and {@code toMillis}; false if the thread was interrupted.
   */
  static boolean pause(long fromMillis, long toMillis) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(fromMillis, toMillis + 1));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** True with the given chance in percent. */
  static boolean chance(int percent) {
    return ThreadLocalRandom.current().nextInt(100) < percent;
  }
}
