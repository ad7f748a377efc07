package io.callflow.service.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of an instance's history: the state it entered, from which (empty for the state it was
 * created in), and when.
 */
public record StateEntered(InstanceState state, Optional<InstanceState> previous, Instant at) {}
