package io.callflow.routing.entity;

import java.time.Duration;

/**
 * A queue's moving average of handle time, as desktops report calls ending: an exponential moving
 * average, so recent calls count most and one odd call moves it only a fifth of the way.
 */
public record HandleTime(Duration average, long samples) {

  static final double WEIGHT_OF_NEWEST = 0.2;

  /** Before any call was reported: the queue's configured default. */
  public static HandleTime startingAt(Duration configuredDefault) {
    return new HandleTime(configuredDefault, 0);
  }

  public HandleTime with(Duration observed) {
    if (observed.isNegative()) {
      throw new IllegalArgumentException("a handle time cannot be negative: " + observed);
    }
    if (samples == 0) {
      return new HandleTime(observed, 1);
    }
    double millis =
        average.toMillis() * (1 - WEIGHT_OF_NEWEST) + observed.toMillis() * WEIGHT_OF_NEWEST;
    return new HandleTime(Duration.ofMillis(Math.round(millis)), samples + 1);
  }
}
