package io.callflow.routing.entity;

import java.time.Duration;

/**
 * Estimated wait time of a queued customer, in whole seconds (docs/ewt.md).
 *
 * <p>With {@code p} the customer's position (1 = next), {@code R} ready agents, {@code L} agents
 * logged in to the queue and {@code H} the average handle time: a customer within the ready agents
 * ({@code p ≤ R}) waits nothing; otherwise the {@code p − R} customers that cannot be served at
 * once are served in rounds of {@code L} agents, the first round finishing on average half a handle
 * time from now: {@code EWT = (⌈(p − R) / L⌉ − ½) × H}. With no agent logged in there is nobody to
 * wait for, and the estimate is the pessimistic {@code p × H} until one logs in.
 */
public record Ewt(long seconds, boolean agentsLoggedIn) {

  public static Ewt estimate(int position, int loggedIn, int ready, Duration averageHandleTime) {
    if (position < 1) {
      throw new IllegalArgumentException("position starts at 1, not " + position);
    }
    if (ready < 0 || loggedIn < 0 || ready > loggedIn) {
      throw new IllegalArgumentException(
          "0 ≤ ready (" + ready + ") ≤ logged in (" + loggedIn + ")");
    }
    double handle = averageHandleTime.toMillis() / 1000.0;
    if (loggedIn == 0) {
      return new Ewt(Math.round(position * handle), false);
    }
    if (position <= ready) {
      return new Ewt(0, true);
    }
    long rounds = (position - ready + loggedIn - 1) / loggedIn;
    return new Ewt(Math.round((rounds - 0.5) * handle), true);
  }
}
