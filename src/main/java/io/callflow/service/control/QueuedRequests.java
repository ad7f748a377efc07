package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.entity.Booking;
import io.callflow.routing.control.Routing;
import io.callflow.service.entity.AccessInfo;
import io.callflow.service.entity.InstanceAnswer;
import io.callflow.service.entity.InstanceAnswer.Confirmation;
import io.callflow.service.entity.InstanceAnswer.Menu;
import io.callflow.service.entity.InstanceAnswer.Standing;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.RequestRefused;
import io.callflow.service.entity.ServiceInstance;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the app of a queued instance asks ({@code GET|POST /service/{id}/{request}}): its position,
 * the DisplayMenu, confirm and snooze. Each takes the queue entry's lock, then the instance's; a
 * request its instance cannot answer now is a 409.
 */
@Stateless
public class QueuedRequests {

  @PersistenceContext EntityManager em;
  @Inject Bookings bookings;
  @Inject ServiceInstances instances;
  @Inject InstanceEvents events;
  @Inject Routing routing;
  @Inject QueuedFlows flows;
  @Inject OutboundCalls outbound;
  @Inject Clock clock;

  /**
   * {@code GET|POST /service/{id}/{request}} for a queued instance: DisplayMenu, confirm, snooze
   * and check-queue-position; the requests every instance answers go to {@link ServiceInstances}.
   */
  public InstanceAnswer request(String id, String request, String gmsUser) {
    return switch (request) {
      case QueuedDialogs.CHECK_QUEUE_POSITION -> checkQueuePosition(instances.visible(id, gmsUser));
      case QueuedDialogs.DISPLAY_MENU -> displayMenu(instances.visible(id, gmsUser));
      case QueuedDialogs.CONFIRM -> confirm(id, gmsUser);
      case QueuedDialogs.SNOOZE -> snooze(id, gmsUser);
      default -> instances.request(id, request, gmsUser);
    };
  }

  private InstanceAnswer confirm(String id, String gmsUser) {
    routing.lock(id);
    ServiceInstance instance = lockedVisible(id, gmsUser);
    if (!instance.awaitsConfirmation() && !instance.confirmedAlready()) {
      throw notNow(instance, QueuedDialogs.CONFIRM);
    }
    if (instance.flow().isOutbound()) {
      if (instance.awaitsConfirmation()) {
        outbound.dial(instance, ServiceOptions.stored(instance.optionsJson()), clock.instant());
      }
      return OutboundCalls.callShortly(id);
    }
    if (instance.awaitsConfirmation()) {
      // no free number: 503 with Retry-After, and the customer may confirm again (nothing changed)
      flows.issueAccess(instance, ServiceOptions.stored(instance.optionsJson()), clock.instant());
    }
    return instances.dialNumber(id, gmsUser);
  }

  private Confirmation snooze(String id, String gmsUser) {
    routing.lock(id);
    ServiceInstance instance = lockedVisible(id, gmsUser);
    ServiceOptions options = ServiceOptions.stored(instance.optionsJson());
    if (!instance.may(Move.SNOOZE)) {
      throw notNow(instance, QueuedDialogs.SNOOZE);
    }
    Instant now = clock.instant();
    bookings.endAllFor(id, Booking.EndReason.CANCELLED);
    events.publish(instance.snooze(now)); // a customer already waiting: snoozing twice is once
    routing.requeue(id, "SNOOZED", now.plus(options.snoozeDuration()));
    long minutes = Math.max(1, options.snoozeDuration().toMinutes());
    return new Confirmation(
        id,
        "We will notify you again in " + minutes + (minutes == 1 ? " minute" : " minutes"),
        routing.positionOf(id),
        Optional.empty());
  }

  private Menu displayMenu(ServiceInstance instance) {
    if (!instance.awaitsConfirmation()) {
      throw notNow(instance, QueuedDialogs.DISPLAY_MENU);
    }
    return new Menu(instance.id());
  }

  /**
   * The poll answer: position, EWT and whether an agent is ready; with the DialNumber dialog once
   * the access number is issued, or the DisplayMenu action while a confirmation is awaited.
   */
  private Standing checkQueuePosition(ServiceInstance instance) {
    Instant now = clock.instant();
    return new Standing(
        instance.id(),
        instance.state(),
        routing.positionOf(instance.id()),
        instance.awaitsConfirmation(),
        bookings.liveFor(instance.id()).map(booking -> AccessInfo.of(booking, now)),
        instance.agentId().isPresent() && !instance.hasEnded());
  }

  private ServiceInstance lockedVisible(String id, String gmsUser) {
    ServiceInstance instance = instances.visible(id, gmsUser);
    em.refresh(instance, LockModeType.PESSIMISTIC_WRITE);
    return instance;
  }

  private static RequestRefused notNow(ServiceInstance instance, String request) {
    return new RequestRefused(instance.id(), request, instance.state());
  }
}
