package io.callflow.service.control;

import io.callflow.access.control.AccessNumberAllocator;
import io.callflow.access.control.Bookings;
import io.callflow.access.control.PoolExhausted;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.BookingRequest;
import io.callflow.desktop.control.DesktopCommands;
import io.callflow.desktop.entity.CallOutcome;
import io.callflow.desktop.entity.CallResultReported;
import io.callflow.desktop.entity.Customer;
import io.callflow.desktop.entity.Direction;
import io.callflow.notification.control.Notifications;
import io.callflow.platform.json.StringObjects;
import io.callflow.routing.control.Routing;
import io.callflow.routing.entity.AgentReserved;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.storage.control.AppDataStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The queued flows (request-inbound-delay, -delay-location, -poll, and the outbound ones) as
 * routing and desktops move them: an agent reserved, a reservation lapsed, a wait expired, a call's
 * result, an unanswered confirmation. Once an agent is reserved the access number is issued (or,
 * with {@code _wait_for_user_confirm}, offered in a menu first) and pushed, or handed out on the
 * next poll; an outbound customer is dialled. Runs in the caller's transaction; locks are taken
 * queue entry first, then instance, as the dispatcher does. Creates are {@link QueuedCreates}, the
 * app's requests {@link QueuedRequests}, the timers {@link FlowTimers}.
 */
@Stateless
public class QueuedFlows {

  /** The agent is held this much longer than the customer's last chance to confirm. */
  static final Duration CONFIRM_GRACE = Duration.ofSeconds(5);

  @PersistenceContext EntityManager em;
  @EJB AccessNumberAllocator allocator;
  @Inject Bookings bookings;
  @Inject AppDataStore appData;
  @Inject InstanceEvents events;
  @Inject Notifications notifications;
  @Inject Routing routing;
  @Inject DesktopCommands desktops;
  @Inject OutboundCalls outbound;
  @Inject Clock clock;

  /** An agent was reserved for the customer (in the dispatching transaction). */
  public void agentReserved(AgentReserved reserved) {
    ServiceInstance instance =
        em.find(ServiceInstance.class, reserved.serviceId(), LockModeType.PESSIMISTIC_WRITE);
    if (instance == null || !instance.may(Move.RESERVE)) {
      routing.leave(reserved.serviceId(), "ENDED"); // nobody to serve: free the agent at once
      return;
    }
    Instant now = reserved.at();
    ServiceOptions options = ServiceOptions.stored(instance.optionsJson());
    events.publish(instance.reserve(reserved.agentId(), now));
    boolean confirmFirst =
        options.waitForUserConfirm(instance.flow()) && !instance.hasInboundCall();
    Duration hold =
        confirmFirst
            ? options
                .userConfirmTimeout()
                .multipliedBy(options.confirmAttempts())
                .plus(CONFIRM_GRACE)
            : options.agentReserveTimeout();
    if (confirmFirst) {
      routing.holdWithoutDeadline(
          instance.id()); // the confirmation timer ends it, or issues the number
    } else {
      routing.holdFor(instance.id(), hold);
    }
    desktops.reserved(
        instance.id(),
        reserved.agentId(),
        instance.flow().gmsName(),
        customer(instance),
        now.plus(hold));
    if (instance.hasInboundCall()) {
      connectInboundCall(instance, reserved.agentId(), now);
    } else if (instance.flow().isOutbound()
        && (!confirmFirst || !outbound.attemptsOf(instance.id()).isEmpty())) {
      outbound.dial(instance, options, now); // a retry is not asked again
    } else if (confirmFirst) {
      askToConfirm(instance, options, now);
    } else {
      try {
        issueAccess(instance, options, now);
      } catch (PoolExhausted e) {
        // no number to give now: the customer keeps their place and is dispatched again when one
        // frees
        routing.requeue(instance.id(), "NO_ACCESS_NUMBER", now.plusSeconds(e.retryAfterSeconds()));
      }
    }
  }

  /**
   * The agent held for the customer was released: the customer waits again, without access info.
   */
  public void reservationLapsed(String serviceId) {
    ServiceInstance instance =
        em.find(ServiceInstance.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
    if (instance == null
        || instance.agentId().isEmpty() // released already (a snooze releases first)
        || !InstanceEvents.mayOrIgnore(instance, Move.LAPSE, "a lapsed reservation")) {
      return;
    }
    bookings.endAllFor(serviceId, Booking.EndReason.CANCELLED);
    events.publish(instance.lapse(clock.instant()));
  }

  /** The customer waited past {@code _queued_ttl}. */
  public void queueExpired(String serviceId) {
    ServiceInstance instance =
        em.find(ServiceInstance.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
    if (instance != null && InstanceEvents.mayOrIgnore(instance, Move.EXPIRE, "a queue expiry")) {
      events.publish(instance.expire(clock.instant()));
    }
  }

  /** A desktop (or the dialer) reported what became of a call. */
  public void callResult(CallResultReported report) {
    routing.lock(report.serviceId());
    ServiceInstance instance =
        em.find(ServiceInstance.class, report.serviceId(), LockModeType.PESSIMISTIC_WRITE);
    if (instance == null || !instance.flow().isQueued()) {
      return;
    }
    if (instance.flow().isOutbound() && !instance.hasInboundCall()) {
      outbound.resultOf(instance, ServiceOptions.stored(instance.optionsJson()), report);
      return;
    }
    boolean completed = report.result() == CallOutcome.COMPLETED;
    Move ends = completed ? Move.COMPLETE : Move.FAIL;
    if ((completed || report.result() == CallOutcome.FAILED)
        && instance.agentId().filter(report.agentId()::equals).isPresent()
        && InstanceEvents.mayOrIgnore(instance, ends, "a reported " + report.result())) {
      routing.callEnded(instance.id(), report.agentId(), completed);
      Instant now = clock.instant();
      events.publish(completed ? instance.complete(now) : instance.fail(now));
    }
  }

  /**
   * The customer of a queued instance called the main line (the IVR matched the call by their
   * number): the call takes the instance's place in the queue, and nobody is dialled or given a
   * number.
   */
  public void inboundCallArrived(ServiceInstance instance) {
    instance.inboundCallArrived();
  }

  private void connectInboundCall(ServiceInstance instance, String agentId, Instant now) {
    routing.engage(instance.id());
    events.publish(instance.connect(now));
    desktops.offer(
        instance.id(), agentId, Direction.INBOUND, Optional.empty(), customer(instance).data());
  }

  /**
   * A waiting callback moves to {@code at} (the queue entry has been moved by the caller):
   * SCHEDULED until then. The caller holds the entry's and the instance's locks.
   */
  public void reschedule(ServiceInstance instance, Instant at) {
    events.publish(instance.schedule(at, clock.instant()));
    instance.desiredAt(at);
  }

  /**
   * The customer left a confirmation unanswered (the caller checked it is overdue and holds the
   * locks): ask again while attempts remain, then follow {@code _on_user_confirm_timeout}.
   */
  public void confirmationUnanswered(ServiceInstance instance, Instant now) {
    String serviceId = instance.id();
    ServiceOptions options = ServiceOptions.stored(instance.optionsJson());
    if (instance.confirmAttempts() < options.confirmAttempts()) {
      askToConfirm(instance, options, now);
    } else if (options.onConfirmTimeout() == ServiceOptions.OnConfirmTimeout.CANCEL) {
      routing.leave(serviceId, "CONFIRM_TIMEOUT");
      events.publish(instance.cancel(now));
    } else if (instance.flow().isOutbound()) {
      outbound.dial(instance, options, now);
    } else {
      try {
        issueAccess(instance, options, now);
      } catch (PoolExhausted e) {
        instance.confirmationSettled();
        routing.requeue(serviceId, "NO_ACCESS_NUMBER", now.plusSeconds(e.retryAfterSeconds()));
      }
    }
  }

  /** Asks the customer (again) whether to be connected now: DisplayMenu, unless they poll. */
  public void askToConfirm(ServiceInstance instance, ServiceOptions options, Instant now) {
    events.publish(instance.askToConfirm(now.plus(options.userConfirmTimeout()), now));
    if (!instance.flow().isPolled()) {
      notifications.push(
          instance.id(), instance.serviceName(), QueuedDialogs.DISPLAY_MENU, Map.of());
    }
  }

  /**
   * Books the access number for the time the agent is held, and tells the app to dial it; throws
   * {@link PoolExhausted} (which rolls back) when the pool has no number now.
   */
  public Booking issueAccess(ServiceInstance instance, ServiceOptions options, Instant now) {
    Duration hold = options.agentReserveTimeout();
    // tried, not demanded: an exhausted pool must not doom the transaction of a dispatch that
    // puts the customer back in the queue instead
    Booking booking =
        allocator
            .tryAllocate(
                new BookingRequest(
                    options.resourceGroup(),
                    instance.id(),
                    instance.phoneNumber(),
                    options.provideCode(),
                    options.accessCodeLength(),
                    // the service's own booking time when it sets one, else as long as the agent
                    Optional.of(options.bookingTimeout().orElse(hold)),
                    false))
            .orElseThrow(() -> allocator.exhaustion(options.resourceGroup()));
    events.publish(instance.issueAccess(now));
    routing.holdFor(instance.id(), hold);
    if (!instance.flow().isPolled()) {
      notifications.push(instance.id(), instance.serviceName(), DialNumberDialog.ACTION, Map.of());
    }
    return booking;
  }

  private Customer customer(ServiceInstance instance) {
    Map<String, String> data = appData.read(instance.dataId()).orElse(Map.of());
    return new Customer(instance.phoneNumber().orElse(""), StringObjects.toJson(data));
  }
}
