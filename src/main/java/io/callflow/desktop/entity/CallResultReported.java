package io.callflow.desktop.entity;

import java.time.Instant;

/**
 * CDI event: a desktop reported a call's result for the first time; fired inside its transaction.
 */
public record CallResultReported(
    String serviceId, String agentId, CallOutcome result, int attempt, Instant at) {}
