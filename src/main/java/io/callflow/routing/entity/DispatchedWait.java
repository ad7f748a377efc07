package io.callflow.routing.entity;

import java.time.Instant;

/**
 * One customer's first dispatch: when their first agent was reserved, the wait their EWT predicted
 * when they were queued, and the wait it was (seconds).
 */
public record DispatchedWait(Instant at, long predictedSeconds, long actualSeconds) {}
