package io.callflow.access.control;

/** A client asked a service for more access numbers a minute than it may have. */
public final class AllocationLimited extends AccessRefusal {

  private final long retryAfterSeconds;

  public AllocationLimited(String service, String client, int limit, long waitMillis) {
    super(
        "client "
            + client
            + " asked service "
            + service
            + " for more than "
            + limit
            + " access numbers a minute");
    this.retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
  }

  /** Whole seconds, at least one, until the client may have another number. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
