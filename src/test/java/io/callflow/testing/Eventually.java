package io.callflow.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until a deadline: tests wait for asynchronous outcomes this way, never by
 * sleeping; and prove that something did not happen by watching it stay so for a bounded time.
 */
public final class Eventually {

  private static final Duration POLL = Duration.ofMillis(100);

  private Eventually() {}

  /**
   * Watches {@code condition} for {@code during}: an AssertionError as soon as it turns false (what
   * must not happen did), else returns once the time is up.
   */
  public static void staysSo(String what, Duration during, BooleanSupplier condition) {
    Instant end = Instant.now().plus(during);
    while (true) {
      if (!condition.getAsBoolean()) {
        throw new AssertionError("No longer so: " + what);
      }
      if (Instant.now().isAfter(end)) {
        return;
      }
      pause(what);
    }
  }

  /**
   * The first non-empty value {@code probe} yields within {@code timeout}, else an AssertionError.
   */
  public static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      pause(what);
    }
  }

  private static void pause(String what) {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted watching " + what, e);
    }
  }
}
