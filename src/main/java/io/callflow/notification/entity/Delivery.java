package io.callflow.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one push to one subscription ended: delivered, or given up with a reason and what it carried
 * (its instance and message), so that it can be sent again.
 */
@Entity
@Table(name = "notification_delivery")
@IdClass(Delivery.Key.class)
public class Delivery {

  /** The outcome. */
  public enum State {
    DELIVERED,
    DEAD
  }

  /** (event, subscription): one push. */
  public static class Key implements Serializable {
    private String eventId;
    private String subscriptionId;

    public Key() {}

    public Key(String eventId, String subscriptionId) {
      this.eventId = eventId;
      this.subscriptionId = subscriptionId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(eventId, key.eventId)
          && Objects.equals(subscriptionId, key.subscriptionId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(eventId, subscriptionId);
    }
  }

  @Id
  @Column(name = "event_id")
  private String eventId;

  @Id
  @Column(name = "subscription_id")
  private String subscriptionId;

  @Enumerated(EnumType.STRING)
  private State state;

  private int attempts;
  private String reason;
  private Instant at;

  @Column(name = "service_id")
  private String serviceId;

  private String message;

  protected Delivery() {}

  public Delivery(
      String eventId, String subscriptionId, State state, int attempts, String reason, Instant at) {
    this.eventId = eventId;
    this.subscriptionId = subscriptionId;
    this.state = state;
    this.attempts = attempts;
    this.reason = reason;
    this.at = at;
  }

  /** A push given up: the reason, and what it carried so that it can be sent again. */
  public static Delivery dead(PushOrder order, String reason, Instant at) {
    Delivery dead =
        new Delivery(
            order.eventId(), order.subscriptionId(), State.DEAD, order.attempt(), reason, at);
    dead.serviceId = order.serviceId();
    dead.message = order.message();
    return dead;
  }

  /** The order that sends this push again from its first attempt; empty when nothing was kept. */
  public Optional<PushOrder> again() {
    if (serviceId == null || message == null) {
      return Optional.empty();
    }
    return Optional.of(new PushOrder(eventId, subscriptionId, serviceId, message, 1));
  }

  public String eventId() {
    return eventId;
  }

  public String subscriptionId() {
    return subscriptionId;
  }

  public Optional<String> serviceId() {
    return Optional.ofNullable(serviceId);
  }

  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public Instant at() {
    return at;
  }

  public State state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public String reason() {
    return reason;
  }
}
