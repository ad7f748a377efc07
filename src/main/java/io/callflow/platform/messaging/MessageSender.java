package io.callflow.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends JSON text messages with a {@code type} property, through the outbox: the message is written
 * in the caller's transaction and reaches the broker after it commits, never if it rolls back. A
 * broker outage delays messages; it never fails or holds the caller.
 */
@ApplicationScoped
public class MessageSender {

  @Inject Outbox outbox;
  @Inject Clock clock;

  /**
   * Enqueues {@code json} on {@code queue}, delivered no earlier than {@code delay} from now (an
   * absolute due time, so an outage does not stretch it), in {@code group}'s order.
   */
  public void enqueue(
      String queue, String type, String json, Duration delay, Optional<String> group) {
    outbox.add(
        new OutgoingMessage(
            queue,
            false,
            type,
            json,
            Map.of(),
            group,
            delay.isZero() || delay.isNegative()
                ? Optional.empty()
                : Optional.of(clock.instant().plus(delay))));
  }

  /** Enqueues {@code json} on {@code queue}, delivered no earlier than {@code delay} from now. */
  public void enqueue(String queue, String type, String json, Duration delay) {
    enqueue(queue, type, json, delay, Optional.empty());
  }

  /** Enqueues {@code json} on {@code queue} for immediate delivery. */
  public void enqueue(String queue, String type, String json) {
    enqueue(queue, type, json, Duration.ZERO);
  }

  /** Publishes {@code json} on {@code topic}. */
  public void publish(String topic, String type, String json) {
    publish(topic, type, json, Map.of());
  }

  /**
   * Publishes {@code json} on {@code topic} with extra string properties, for subscribers'
   * selectors; a message for one agent keeps that agent's order.
   */
  public void publish(String topic, String type, String json, Map<String, String> properties) {
    outbox.add(
        new OutgoingMessage(
            topic,
            true,
            type,
            json,
            properties,
            Optional.ofNullable(properties.get(Destinations.AGENT_ID_PROPERTY)),
            Optional.empty()));
  }
}
