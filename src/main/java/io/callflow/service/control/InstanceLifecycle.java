package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.entity.BookingEnded;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Moves an instance when its booking ends, in the same transaction: a matched call completes an
 * instance no agent waits for; an instance whose only access info expired expires.
 */
@ApplicationScoped
public class InstanceLifecycle {

  @PersistenceContext EntityManager em;
  @Inject Bookings bookings;
  @Inject InstanceEvents events;

  void onBookingEnded(@Observes BookingEnded ended) {
    ServiceInstance instance = em.find(ServiceInstance.class, ended.serviceId());
    if (instance == null) {
      return; // the create that booked it rolled back; nothing to follow
    }
    InstanceState next =
        switch (ended.reason()) {
          case MATCHED -> InstanceState.COMPLETED;
          case EXPIRED ->
              instance.state() == InstanceState.ACCESS_ISSUED && bookings.liveFor(instance.id()).isEmpty()
                  ? InstanceState.EXPIRED
                  : null;
          case CANCELLED -> null; // the cancel itself moves the instance
        };
    if (next != null) {
      instance.moveTo(next, ended.at()).ifPresent(previous -> events.stateChanged(instance, previous, ended.at()));
    }
  }
}
