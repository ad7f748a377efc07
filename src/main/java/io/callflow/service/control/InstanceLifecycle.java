package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.BookingEnded;
import io.callflow.desktop.control.DesktopCommands;
import io.callflow.desktop.entity.Direction;
import io.callflow.platform.json.StringObjects;
import io.callflow.routing.control.Routing;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.storage.control.AppDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;

/**
 * Moves an instance when its booking ends, in the same transaction: a matched call completes an
 * instance no agent waits for; an instance whose only access info expired expires.
 */
@ApplicationScoped
public class InstanceLifecycle {

  @PersistenceContext EntityManager em;
  @Inject Bookings bookings;
  @Inject InstanceEvents events;
  @Inject Routing routing;
  @Inject DesktopCommands desktops;
  @Inject AppDataStore appData;

  void onBookingEnded(@Observes BookingEnded ended) {
    ServiceInstance instance = em.find(ServiceInstance.class, ended.serviceId());
    if (instance == null) {
      return; // the create that booked it rolled back; nothing to follow
    }
    if (instance.flow().isQueued()) {
      if (ended.reason() == Booking.EndReason.MATCHED) {
        connectToReservedAgent(instance, ended);
      }
      return; // an expired or cancelled booking of a queued flow follows its agent reservation
    }
    switch (ended.reason()) {
      case MATCHED -> {
        if (InstanceEvents.mayOrIgnore(instance, Move.COMPLETE, "a matched call")) {
          events.publish(instance.complete(ended.at()));
        }
      }
      case EXPIRED -> {
        // the instance's only access info ran out (a request-access booking may outlive it)
        if (instance.may(Move.EXPIRE) && bookings.liveFor(instance.id()).isEmpty()) {
          events.publish(instance.expire(ended.at()));
        }
      }
      case CANCELLED -> {} // the cancel itself moves the instance
    }
  }

  /** The customer called: the reserved agent is offered the call with the app's data. */
  private void connectToReservedAgent(ServiceInstance instance, BookingEnded ended) {
    if (!InstanceEvents.mayOrIgnore(instance, Move.CONNECT, "a matched call")) {
      return;
    }
    Optional<String> agent = routing.engage(instance.id());
    if (agent.isEmpty()) {
      return; // the reservation lapsed in the meantime; the customer is queued again
    }
    events.publish(instance.connect(ended.at()));
    JsonObject data = StringObjects.toJson(appData.read(instance.dataId()).orElse(Map.of()));
    desktops.offer(instance.id(), agent.get(), Direction.INBOUND, Optional.empty(), data);
  }
}
