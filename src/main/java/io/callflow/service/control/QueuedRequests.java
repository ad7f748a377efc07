package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.entity.Booking;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.routing.control.Routing;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.RequestRefused;
import io.callflow.service.entity.ServiceInstance;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
  public JsonObject request(String id, String request, String gmsUser, URI base) {
    return switch (request) {
      case QueuedDialogs.CHECK_QUEUE_POSITION -> checkQueuePosition(instances.visible(id, gmsUser));
      case QueuedDialogs.DISPLAY_MENU -> displayMenu(instances.visible(id, gmsUser), base);
      case QueuedDialogs.CONFIRM -> confirm(id, gmsUser);
      case QueuedDialogs.SNOOZE -> snooze(id, gmsUser);
      default -> StringObjects.toJson(instances.request(id, request, gmsUser));
    };
  }

  private JsonObject confirm(String id, String gmsUser) {
    routing.lock(id);
    ServiceInstance instance = lockedVisible(id, gmsUser);
    if (!instance.awaitsConfirmation() && !instance.confirmedAlready()) {
      throw notNow(instance, QueuedDialogs.CONFIRM);
    }
    if (instance.flow().isOutbound()) {
      if (instance.awaitsConfirmation()) {
        outbound.dial(instance, ServiceOptions.stored(instance.optionsJson()), clock.instant());
      }
      return StringObjects.toJson(OutboundCalls.callShortly(id));
    }
    if (instance.awaitsConfirmation()) {
      // no free number: 503 with Retry-After, and the customer may confirm again (nothing changed)
      flows.issueAccess(instance, ServiceOptions.stored(instance.optionsJson()), clock.instant());
    }
    return StringObjects.toJson(instances.dialNumber(id, gmsUser));
  }

  private JsonObject snooze(String id, String gmsUser) {
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
    Map<String, String> answer = new LinkedHashMap<>();
    long minutes = Math.max(1, options.snoozeDuration().toMinutes());
    QueuedDialogs.confirmation(
        answer,
        id,
        "We will notify you again in " + minutes + (minutes == 1 ? " minute" : " minutes"));
    routing.positionOf(id).ifPresent(position -> QueuedDialogs.position(answer, position));
    return StringObjects.toJson(answer);
  }

  private JsonObject displayMenu(ServiceInstance instance, URI base) {
    if (!instance.awaitsConfirmation()) {
      throw notNow(instance, QueuedDialogs.DISPLAY_MENU);
    }
    return QueuedDialogs.displayMenu(instance.id(), base);
  }

  /**
   * The poll answer: position, EWT and whether an agent is ready; with the DialNumber dialog once
   * the access number is issued, or the DisplayMenu action while a confirmation is awaited.
   */
  private JsonObject checkQueuePosition(ServiceInstance instance) {
    Instant now = clock.instant();
    Map<String, String> members = new LinkedHashMap<>();
    members.put("_id", instance.id());
    members.put("_state", instance.state().name());
    QueuePosition position = routing.positionOf(instance.id()).orElse(null);
    if (position != null) {
      QueuedDialogs.position(members, position);
    } else {
      members.putAll(Map.of("_position", "0", "_total_waiting", "0", "ewt", "0", "_eta", "0"));
    }
    if (instance.awaitsConfirmation()) {
      members.put("_action", QueuedDialogs.DISPLAY_MENU);
    }
    bookings
        .liveFor(instance.id())
        .ifPresent(booking -> DialNumberDialog.addTo(members, booking, now));
    boolean agentReady = instance.agentId().isPresent() && !instance.hasEnded();
    JsonObjectBuilder answer = Jsonp.createObjectBuilder(StringObjects.toJson(members));
    answer.add("_agent_ready_threshold_passed", agentReady);
    return answer.build();
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
