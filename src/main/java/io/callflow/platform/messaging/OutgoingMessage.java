package io.callflow.platform.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A JMS message a transaction causes: JSON text with a {@code type} and extra string properties,
 * for a queue or a topic, in an ordering group (an instance or an agent), due now or at a time.
 */
public record OutgoingMessage(
    String destination,
    boolean topic,
    String type,
    String body,
    Map<String, String> properties,
    Optional<String> group,
    Optional<Instant> deliverAt) {}
