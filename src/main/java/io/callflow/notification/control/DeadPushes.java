package io.callflow.notification.control;

import io.callflow.notification.entity.Delivery;
import io.callflow.notification.entity.PushOrder;
import io.callflow.notification.entity.Subscription;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pushes given up (their subscriber refused them, or the attempts were spent), for operators: the
 * recent ones with their reason, and sending one again. A push sent again is a new order from its
 * first attempt, written to the outbox in this transaction as {@link Notifications} writes the
 * first; its record of having been given up goes in the same transaction, so that the delivery may
 * record its new outcome.
 */
@Stateless
public class DeadPushes {

  /**
   * A push given up, with its subscription while it is kept, and whether it can be sent again (its
   * message kept, its subscription live).
   */
  public record DeadPush(
      Delivery delivery, Optional<Subscription> subscription, boolean retryable) {}

  @PersistenceContext EntityManager em;
  @Inject MessageSender sender;
  @Inject Clock clock;

  /** The most recent pushes given up, newest first. */
  public List<DeadPush> recent(int limit) {
    return em
        .createQuery(
            "SELECT d FROM Delivery d WHERE d.state = :dead ORDER BY d.at DESC", Delivery.class)
        .setParameter("dead", Delivery.State.DEAD)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(this::withSubscription)
        .toList();
  }

  private DeadPush withSubscription(Delivery delivery) {
    Optional<Subscription> subscription =
        Optional.ofNullable(em.find(Subscription.class, delivery.subscriptionId()));
    boolean live = subscription.filter(s -> s.isLiveAt(clock.instant())).isPresent();
    return new DeadPush(delivery, subscription, live && delivery.again().isPresent());
  }

  /**
   * Sends a push given up again, from its first attempt: 404 when no such push was given up, 409
   * when its message was not kept (given up before the console could retry) or its subscription has
   * ended.
   */
  public PushOrder retry(String eventId, String subscriptionId) {
    Delivery dead = em.find(Delivery.class, new Delivery.Key(eventId, subscriptionId));
    if (dead == null || dead.state() != Delivery.State.DEAD) {
      throw PushRetryRefused.missing(eventId, subscriptionId);
    }
    PushOrder order =
        dead.again()
            .orElseThrow(
                () ->
                    PushRetryRefused.impossible(
                        "push " + eventId + " was given up before pushes kept their message"));
    Subscription subscription = em.find(Subscription.class, subscriptionId);
    if (subscription == null || !subscription.isLiveAt(clock.instant())) {
      throw PushRetryRefused.impossible(
          "subscription " + subscriptionId + " has ended; the push has nobody to go to");
    }
    em.remove(dead);
    sender.enqueue(
        Destinations.NOTIFICATION_DELIVERY,
        PushOrder.TYPE,
        order.toJson(),
        Duration.ZERO,
        Optional.of(order.serviceId()));
    return order;
  }
}
