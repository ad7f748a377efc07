package io.callflow.service.control;

import io.callflow.access.control.AccessNumberAllocator;
import io.callflow.access.control.Bookings;
import io.callflow.access.control.PoolExhausted;
import io.callflow.access.control.Pools;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.BookingRequest;
import io.callflow.access.entity.Pool;
import io.callflow.desktop.control.DesktopCommands;
import io.callflow.desktop.entity.CallOutcome;
import io.callflow.desktop.entity.CallResultReported;
import io.callflow.desktop.entity.Customer;
import io.callflow.desktop.entity.Direction;
import io.callflow.notification.control.Notifications;
import io.callflow.notification.control.Subscriptions;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.persistence.AdvisoryLocks;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.platform.rest.ProblemException;
import io.callflow.routing.control.Routing;
import io.callflow.routing.entity.AgentReserved;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.ServiceDefinition;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.service.entity.StateChange;
import io.callflow.storage.control.AppDataStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The queued inbound flows (request-inbound-delay, -delay-location, -poll): the customer waits in a
 * virtual queue; once an agent is reserved the access number is issued (or, with {@code
 * _wait_for_user_confirm}, offered in a menu first) and pushed, or handed out on the next poll.
 * Locks are taken queue entry first, then instance, as the dispatcher does.
 */
@Stateless
public class QueuedFlows {

  /** The agent is held this much longer than the customer's last chance to confirm. */
  static final Duration CONFIRM_GRACE = Duration.ofSeconds(5);

  @PersistenceContext EntityManager em;
  @Inject AccessNumberAllocator allocator;
  @Inject Bookings bookings;
  @Inject Pools pools;
  @Inject AppDataStore appData;
  @Inject ServiceInstances instances;
  @Inject IdempotencyKeys idempotencyKeys;
  @Inject InstanceEvents events;
  @Inject PhoneNumbers phoneNumbers;
  @Inject Subscriptions subscriptions;
  @Inject Notifications notifications;
  @Inject Routing routing;
  @Inject DesktopCommands desktops;
  @Inject OutboundCalls outbound;
  @Inject CustomerTimeZones timeZones;
  @Inject Clock clock;

  /**
   * Create: the instance joins its queue; answers a ConfirmationDialog with the position and EWT.
   */
  public Map<String, String> create(
      ServiceDefinition service,
      Map<String, String> parameters,
      String gmsUser,
      Optional<String> idempotencyKey) {
    CreateParameters.Read read = CreateParameters.read(service, parameters, phoneNumbers);
    if (service.flow() == Flow.REQUEST_INBOUND_DELAY_LOCATION) {
      read = read.withOptions(nearestPool(read.options(), parameters));
    }
    ServiceOptions options = read.options();
    Flow flow = service.flow();
    if (flow.isOutbound()) {
      String phone =
          read.phone()
              .orElseThrow(
                  () ->
                      ProblemException.badParameter(
                          "_phone_number", "required: the number to call"));
      Optional<ServiceInstance> live =
          options.maxLivePerNumber(1) == 1 ? liveOutbound(service.name(), phone) : Optional.empty();
      if (live.isPresent()) {
        return queuedAnswer(live.get()); // one live callback per number: a repeat answers it
      }
    }
    String id = UUID.randomUUID().toString();
    if (idempotencyKey.isPresent()) {
      Optional<String> earlier =
          idempotencyKeys.claim(
              gmsUser, idempotencyKey.get(), IdempotencyKeys.hash(service.name(), parameters), id);
      if (earlier.isPresent()) {
        return queuedAnswer(instances.visible(earlier.get(), gmsUser));
      }
    }
    Instant now = clock.instant();
    Optional<Instant> due = Optional.empty();
    if (flow.isOutbound()) {
      String zone = parameters.get(ServiceOptions.CUSTOMER_TIME_ZONE);
      if (zone != null && !zone.isBlank()) {
        CustomerTimeZones.problemWith(zone)
            .ifPresent(
                problem -> {
                  throw ProblemException.badParameter(ServiceOptions.CUSTOMER_TIME_ZONE, problem);
                });
        options = options.with(ServiceOptions.CUSTOMER_TIME_ZONE, zone.strip());
      }
      due =
          Callbacks.due(
              parameters.get("_desired_time"),
              options.callingHours(),
              zonesOf(options, read.phone()),
              now);
    }
    Duration ttl = options.ttl(service.flow());
    String dataId = appData.store(read.data(), ttl, gmsUser);
    ServiceInstance instance =
        new ServiceInstance(
            id,
            service,
            due.isPresent() ? InstanceState.SCHEDULED : InstanceState.QUEUED,
            gmsUser,
            read.phone().orElse(null),
            dataId,
            options.toJson(),
            now);
    due.ifPresent(at -> instance.schedule(at, now));
    em.persist(instance);
    events.publish(StateChange.created(instance, now));
    read.device()
        .ifPresent(d -> subscriptions.subscribeDevice(id, d.deviceId(), d.deviceOs(), ttl));
    routing.enqueue(
        id, options.queue(), options.agentReserveTimeout(), options.queuedTtl(), due.orElse(now));
    return queuedAnswer(instance);
  }

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
        routing.requeue(
            instance.id(), "NO_ACCESS_NUMBER", now.plusSeconds(e.retryAfterSeconds().orElse(5L)));
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
   * The live instance of {@code service} for {@code phone}, taking a lock so concurrent creates see
   * each other.
   */
  private Optional<ServiceInstance> liveOutbound(String service, String phone) {
    AdvisoryLocks.lock(em, service + "|" + phone);
    return em
        .createQuery(
            "SELECT i FROM ServiceInstance i WHERE i.serviceName = :service AND i.phoneNumber = :phone"
                + " AND i.state NOT IN :ended ORDER BY i.createdAt",
            ServiceInstance.class)
        .setParameter("service", service)
        .setParameter("phone", phone)
        .setParameter("ended", InstanceState.ended())
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * A waiting callback moves to {@code at} (the queue entry has been moved by the caller):
   * SCHEDULED until then. The caller holds the entry's and the instance's locks.
   */
  public void reschedule(ServiceInstance instance, Instant at) {
    events.publish(instance.schedule(at, clock.instant()));
    instance.desiredAt(at);
  }

  /** Scheduled callbacks whose time has come, for the sweep. */
  public List<String> dueSchedules(Instant now, int limit) {
    return em.createQuery(
            "SELECT i.id FROM ServiceInstance i WHERE i.scheduledFor <= :now ORDER BY i.scheduledFor",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * A scheduled callback's time came: it waits in its queue like any other (its own transaction).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void scheduleDue(String serviceId) {
    Instant now = clock.instant();
    routing.lock(serviceId);
    ServiceInstance instance =
        em.find(ServiceInstance.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
    if (instance == null || instance.scheduledFor().map(due -> due.isAfter(now)).orElse(false)) {
      return; // moved to a later time meanwhile
    }
    if (InstanceEvents.mayOrIgnore(instance, Move.DUE, "a due schedule")) {
      events.publish(instance.due(now));
    } else {
      instance.scheduleLeftBehind();
    }
  }

  /** The zones the instance's customer may be in. */
  List<java.time.ZoneId> zonesOf(ServiceOptions options, Optional<String> phone) {
    return timeZones.of(options.get(ServiceOptions.CUSTOMER_TIME_ZONE), phone);
  }

  /** Instances whose customer was asked to confirm and has not answered in time, for the sweep. */
  public List<String> overdueConfirmations(Instant now, int limit) {
    return em.createQuery(
            "SELECT i.id FROM ServiceInstance i WHERE i.confirmDueAt <= :now ORDER BY i.confirmDueAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * A confirmation went unanswered: ask again while attempts remain, then follow {@code
   * _on_user_confirm_timeout}. Its own transaction; a late or repeated call changes nothing.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void confirmationTimedOut(String serviceId) {
    Instant now = clock.instant();
    routing.lock(serviceId);
    ServiceInstance instance =
        em.find(ServiceInstance.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
    if (instance == null
        || instance.confirmDueAt().map(due -> due.isAfter(now)).orElse(true)
        || !InstanceEvents.mayOrIgnore(instance, Move.ASK_TO_CONFIRM, "a confirmation timer")) {
      return;
    }
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
        routing.requeue(
            serviceId, "NO_ACCESS_NUMBER", now.plusSeconds(e.retryAfterSeconds().orElse(5L)));
      }
    }
  }

  private void askToConfirm(ServiceInstance instance, ServiceOptions options, Instant now) {
    events.publish(instance.askToConfirm(now.plus(options.userConfirmTimeout()), now));
    if (!instance.flow().isPolled()) {
      notifications.push(
          instance.id(), instance.serviceName(), QueuedDialogs.DISPLAY_MENU, Map.of());
    }
  }

  /** Books the access number for the time the agent is held, and tells the app to dial it. */
  private Booking issueAccess(ServiceInstance instance, ServiceOptions options, Instant now) {
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
                    Optional.of(hold)))
            .orElseThrow(() -> allocator.exhaustion(options.resourceGroup()));
    events.publish(instance.issueAccess(now));
    routing.holdFor(instance.id(), hold);
    if (!instance.flow().isPolled()) {
      notifications.push(instance.id(), instance.serviceName(), DialNumberDialog.ACTION, Map.of());
    }
    return booking;
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
      issueAccess(instance, ServiceOptions.stored(instance.optionsJson()), clock.instant());
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

  /** The create answer (and an idempotent repeat's): a ConfirmationDialog with the position. */
  private Map<String, String> queuedAnswer(ServiceInstance instance) {
    if (instance.flow() == Flow.REQUEST_OUTBOUND_IMMEDIATE) {
      return OutboundCalls.callShortly(instance.id()); // exactly GMS's answer, nothing more
    }
    Map<String, String> answer = new LinkedHashMap<>();
    QueuedDialogs.confirmation(
        answer,
        instance.id(),
        instance.flow().isPolled()
            ? "You are in the queue; check your position at any time"
            : instance.flow().isOutbound()
                ? "We will call you when an agent is available"
                : "We will notify you when an agent is available");
    routing
        .positionOf(instance.id())
        .ifPresent(position -> QueuedDialogs.position(answer, position));
    answer.put("_data_id", instance.dataId());
    return answer;
  }

  /**
   * {@code _latitude}/{@code _longitude}: the nearest pool covering the point, else the configured
   * one.
   */
  private ServiceOptions nearestPool(ServiceOptions options, Map<String, String> parameters) {
    Optional<Double> latitude = coordinate(parameters, "_latitude", 90);
    Optional<Double> longitude = coordinate(parameters, "_longitude", 180);
    if (latitude.isPresent() != longitude.isPresent()) {
      String missing = latitude.isPresent() ? "_longitude" : "_latitude";
      throw ProblemException.badParameter(
          missing, "required with " + (latitude.isPresent() ? "_latitude" : "_longitude"));
    }
    if (latitude.isEmpty()) {
      return options;
    }
    return pools
        .nearestCovering(latitude.get(), longitude.get())
        .map(Pool::name)
        .map(options::withResourceGroup)
        .orElse(options);
  }

  private static Optional<Double> coordinate(
      Map<String, String> parameters, String name, double bound) {
    String raw = parameters.get(name);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      double value = Double.parseDouble(raw.strip());
      if (!Double.isFinite(value) || Math.abs(value) > bound) {
        throw ProblemException.badParameter(
            name, "must be between -" + (int) bound + " and " + (int) bound + ", not " + raw);
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      throw ProblemException.badParameter(name, "not a number: '" + raw + "'");
    }
  }

  private Customer customer(ServiceInstance instance) {
    Map<String, String> data = appData.read(instance.dataId()).orElse(Map.of());
    return new Customer(instance.phoneNumber().orElse(""), StringObjects.toJson(data));
  }

  private ServiceInstance lockedVisible(String id, String gmsUser) {
    ServiceInstance instance = instances.visible(id, gmsUser);
    em.refresh(instance, LockModeType.PESSIMISTIC_WRITE);
    return instance;
  }

  private static ProblemException notNow(ServiceInstance instance, String request) {
    return ProblemException.conflict(
        "request: service instance "
            + instance.id()
            + " cannot "
            + request
            + " while "
            + instance.state(),
        List.of(
            new ProblemException.InvalidParam(
                "request", "not possible in state " + instance.state())));
  }
}
