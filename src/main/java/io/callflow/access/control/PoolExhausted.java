package io.callflow.access.control;

import java.time.Duration;

/** A locking pool has no free number until its next booking ends. */
public final class PoolExhausted extends AccessRefusal {

  private final String pool;
  private final long retryAfterSeconds;

  public PoolExhausted(String pool, Duration retryAfter) {
    super("pool " + pool + " has no free access number");
    this.pool = pool;
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  public String pool() {
    return pool;
  }

  /** Whole seconds, at least one, until a number may be free again. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
