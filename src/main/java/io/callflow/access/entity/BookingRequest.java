package io.callflow.access.entity;

import java.time.Duration;
import java.util.Optional;

/** What a service instance asks the allocator for. */
public record BookingRequest(
    String pool,
    String serviceId,
    Optional<String> phoneNumber,
    boolean provideCode,
    int accessCodeLength,
    Optional<Duration> timeout,
    boolean poolNamedByRequest) {}
