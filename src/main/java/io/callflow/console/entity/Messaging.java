package io.callflow.console.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The broker and the outbox as the console shows them: the readiness check's data (the broker
 * reachable or not, with its error; the relay's last failure) and the backlog with its oldest
 * message.
 */
public record Messaging(
    boolean brokerUp,
    Optional<String> error,
    Optional<String> relayError,
    long outboxBacklog,
    Optional<Instant> oldestWaiting) {

  /** How long the oldest waiting message has waited at {@code now}; empty when none waits. */
  public Optional<Duration> oldestAge(Instant now) {
    return oldestWaiting
        .map(at -> Duration.between(at, now))
        .map(d -> d.isNegative() ? Duration.ZERO : d);
  }
}
