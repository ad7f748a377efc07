package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.entity.Booking;
import io.callflow.routing.control.Routing;
import io.callflow.service.entity.AccessInfo;
import io.callflow.service.entity.InstanceAnswer;
import io.callflow.service.entity.InstanceAnswer.Cancelled;
import io.callflow.service.entity.InstanceAnswer.Description;
import io.callflow.service.entity.InstanceAnswer.DialNumber;
import io.callflow.service.entity.InstanceNotFound;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.NoLiveAccess;
import io.callflow.service.entity.RequestUnknown;
import io.callflow.service.entity.ServiceInstance;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Reads and cancels service instances, on behalf of the gms_user that created them. */
@Stateless
public class ServiceInstances {

  @PersistenceContext EntityManager em;
  @Inject Bookings bookings;
  @Inject InstanceEvents events;
  @Inject Clock clock;
  @Inject Routing routing;
  @Inject OutboundCalls outbound;

  /** The instance, or 404 when unknown or created by another gms_user (never revealing which). */
  public ServiceInstance visible(String id, String gmsUser) {
    ServiceInstance instance = em.find(ServiceInstance.class, id);
    if (instance == null || !instance.isVisibleTo(gmsUser)) {
      throw new InstanceNotFound(id);
    }
    return instance;
  }

  /** {@code GET /service/{id}}: state, and the access info while it lives. */
  public Description describe(String id, String gmsUser) {
    return describe(visible(id, gmsUser), clock.instant());
  }

  /**
   * {@code GET /service/{id}} as apps read it: {@link #describe} and, for outbound flows, every
   * call placed with its time and outcome.
   */
  public Description read(String id, String gmsUser) {
    ServiceInstance instance = visible(id, gmsUser);
    Description description = describe(instance, clock.instant());
    return instance.flow().isOutbound()
        ? description.withAttempts(outbound.attemptsOf(id))
        : description;
  }

  /** The description of any instance, for the server's own use (event streams). */
  public Description describeAny(String id) {
    ServiceInstance instance = em.find(ServiceInstance.class, id);
    if (instance == null) {
      throw new InstanceNotFound(id);
    }
    return describe(instance, clock.instant());
  }

  Description describe(ServiceInstance instance, Instant now) {
    return new Description(
        instance.id(),
        instance.serviceName(),
        instance.state(),
        instance.dataId(),
        bookings.liveFor(instance.id()).map(booking -> AccessInfo.of(booking, now)),
        instance.state() == InstanceState.QUEUED
            ? routing.positionOf(instance.id())
            : Optional.empty(),
        instance.agentId().filter(agent -> !instance.hasEnded()),
        instance.failureReason(),
        instance.scheduledFor(),
        Optional.empty());
  }

  /** The DialNumber dialog while the instance's access info lives; 404 once it has ended. */
  public DialNumber dialNumber(String id, String gmsUser) {
    ServiceInstance instance = visible(id, gmsUser);
    Instant now = clock.instant();
    Booking booking = bookings.liveFor(instance.id()).orElseThrow(() -> new NoLiveAccess(id));
    return new DialNumber(instance.id(), AccessInfo.of(booking, now), instance.dataId());
  }

  /** {@code GET|POST /service/{id}/{request}}: the requests an instance answers. */
  public InstanceAnswer request(String id, String request, String gmsUser) {
    return switch (request) {
      case DialNumberDialog.ACTION -> dialNumber(id, gmsUser);
      case "cancel" -> cancel(id, gmsUser);
      default -> {
        visible(id, gmsUser);
        throw new RequestUnknown(id, request);
      }
    };
  }

  /** {@code DELETE /service/{id}}: ends the instance and releases its numbers; repeatable. */
  public Cancelled cancel(String id, String gmsUser) {
    routing.lock(id); // queue entry before instance, as the dispatcher takes them
    ServiceInstance instance = visible(id, gmsUser);
    Instant now = clock.instant();
    routing.leave(instance.id(), "CANCELLED");
    bookings.endAllFor(instance.id(), Booking.EndReason.CANCELLED);
    if (!instance.hasEnded()) { // a repeated cancel answers the state it ended in
      events.publish(instance.cancel(now));
    }
    return new Cancelled(instance.id(), instance.state());
  }
}
