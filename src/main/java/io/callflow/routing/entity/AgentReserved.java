package io.callflow.routing.entity;

import java.time.Instant;

/**
 * CDI event, in the dispatching transaction: {@code agentId} is now held for the customer of {@code
 * serviceId}.
 */
public record AgentReserved(
    String serviceId, String agentId, String queue, Instant until, Instant at) {}
