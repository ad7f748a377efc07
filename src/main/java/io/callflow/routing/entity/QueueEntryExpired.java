package io.callflow.routing.entity;

import java.time.Instant;

/** CDI event: {@code serviceId} waited longer than its {@code _queued_ttl} and left the queue. */
public record QueueEntryExpired(String serviceId, String queue, Instant at) {}
