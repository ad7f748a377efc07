package io.callflow.platform.persistence;

import java.time.Instant;

/** What the last schema migration attempt came to; readiness reports it. */
public record MigrationOutcome(State state, String detail, Instant at) {

  public enum State {
    PENDING,
    SUCCEEDED,
    FAILED
  }

  public static MigrationOutcome pending() {
    return new MigrationOutcome(State.PENDING, "not attempted yet", Instant.now());
  }

  public boolean succeeded() {
    return state == State.SUCCEEDED;
  }
}
