package io.callflow.routing.entity;

import java.time.Instant;

/**
 * CDI event, in the transaction that ended it: the agent held for {@code serviceId} is no longer
 * held (reservation timeout, agent not ready or logged out) and the customer waits again at their
 * old place.
 */
public record ReservationLapsed(String serviceId, String agentId, String reason, Instant at) {}
