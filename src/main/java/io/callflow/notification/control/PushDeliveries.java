package io.callflow.notification.control;

import io.callflow.notification.entity.Delivery;
import io.callflow.notification.entity.Push;
import io.callflow.notification.entity.PushOrder;
import io.callflow.notification.entity.Subscription;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Carries out one push order, in the transaction of the message that brought it: delivers through
 * the subscription's channel and records success; on a failure re-sends the order delayed
 * (exponential back-off) or, when the failure is permanent or the attempts are spent, dead-letters
 * it with the reason. A push already delivered to a subscription is never delivered to it again.
 */
@Stateless
public class PushDeliveries {

  private static final Logger LOG = Logger.getLogger(PushDeliveries.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PushChannels channels;
  @Inject MessageSender sender;
  @Inject NotificationConfiguration configuration;
  @Inject Clock clock;
  @Inject MetricRegistry metrics;

  /**
   * How long to wait before looking again for a subscription the order names but the database
   * lacks.
   */
  static final Duration NOT_VISIBLE_YET_DELAY = Duration.ofMillis(250);

  /** How often to look again before taking the subscription for gone (5 s in all). */
  static final int MAX_LOOKS = 20;

  public void carryOut(PushOrder order) {
    if (em.find(Delivery.class, new Delivery.Key(order.eventId(), order.subscriptionId()))
        != null) {
      return; // delivered or given up already: a redelivered order changes nothing
    }
    Subscription subscription = em.find(Subscription.class, order.subscriptionId());
    if (subscription == null && order.looks() < MAX_LOOKS) {
      // The outbox sends an order only after the transaction that wrote it (and its subscription)
      // committed; an order of an older release may still be in flight. Look again shortly rather
      // than drop a push of a new device.
      LOG.fine(
          () ->
              "Push "
                  + order.eventId()
                  + ": subscription "
                  + order.subscriptionId()
                  + " not visible yet");
      sender.enqueue(
          Destinations.NOTIFICATION_DELIVERY,
          PushOrder.TYPE,
          order.lookAgain().toJson(),
          NOT_VISIBLE_YET_DELAY,
          Optional.of(order.serviceId()));
      return;
    }
    if (subscription == null || !subscription.isLiveAt(clock.instant())) {
      LOG.fine(
          () ->
              "Push "
                  + order.eventId()
                  + " dropped: subscription "
                  + order.subscriptionId()
                  + " ended");
      return;
    }
    Optional<PushChannel> channel = channels.forType(subscription.type());
    if (channel.isEmpty()) {
      giveUp(order, "no channel delivers type " + subscription.type() + " on this server");
      return;
    }
    try {
      channel.get().deliver(push(order, subscription));
      count(subscription.type(), "delivered");
      em.persist(
          new Delivery(
              order.eventId(),
              order.subscriptionId(),
              Delivery.State.DELIVERED,
              order.attempt(),
              null,
              clock.instant()));
    } catch (DeliveryFailure failure) {
      if (failure.isPermanent() || order.attempt() >= configuration.maxAttempts()) {
        count(subscription.type(), "dead");
        giveUp(order, failure.getMessage());
      } else {
        count(subscription.type(), "retried");
        LOG.info(
            () ->
                "Push "
                    + order.eventId()
                    + " to subscription "
                    + order.subscriptionId()
                    + " failed (attempt "
                    + order.attempt()
                    + "): "
                    + failure.getMessage()
                    + "; retrying");
        sender.enqueue(
            Destinations.NOTIFICATION_DELIVERY,
            PushOrder.TYPE,
            order.next().toJson(),
            order.delayBeforeNext(configuration.retryBase()),
            Optional.of(order.serviceId()));
      }
    }
  }

  /** callflow_notifications_total{type, outcome}: delivered, retried, dead. */
  private void count(String type, String outcome) {
    metrics
        .counter("callflow_notifications_total", new Tag("type", type), new Tag("outcome", outcome))
        .inc();
  }

  private void giveUp(PushOrder order, String reason) {
    LOG.warning(
        "Push "
            + order.eventId()
            + " to subscription "
            + order.subscriptionId()
            + " dead-lettered after "
            + order.attempt()
            + " attempt(s): "
            + reason);
    em.persist(Delivery.dead(order, reason, clock.instant()));
    JsonObject dead =
        Jsonp.createObjectBuilder(Jsonp.createReader(new StringReader(order.toJson())).readObject())
            .add("reason", reason)
            .build();
    sender.enqueue(Destinations.NOTIFICATION_DEAD, "DeadPush", dead.toString());
  }

  private static Push push(PushOrder order, Subscription subscription) {
    return new Push(
        order.eventId(),
        order.serviceId(),
        subscription.type(),
        subscription.deviceId(),
        order.message(),
        StringObjects.read(subscription.propertiesJson()),
        subscription.secret().orElse(null));
  }
}
