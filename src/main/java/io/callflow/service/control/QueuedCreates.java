package io.callflow.service.control;

import io.callflow.access.control.Pools;
import io.callflow.access.entity.Pool;
import io.callflow.notification.control.Subscriptions;
import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.persistence.AdvisoryLocks;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.routing.control.Routing;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.InstanceAnswer;
import io.callflow.service.entity.InstanceAnswer.Confirmation;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.OptionKey;
import io.callflow.service.entity.ServiceDefinition;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.service.entity.StateChange;
import io.callflow.storage.control.AppDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates of the queued flows: reads the request (customer number, calling hours, desired time,
 * location), answers a repeat (idempotency key, one live callback per number) with the instance it
 * made, else puts a new instance in its queue, SCHEDULED when its time has not come.
 */
@ApplicationScoped
@Transactional
public class QueuedCreates {

  @PersistenceContext EntityManager em;
  @Inject Pools pools;
  @Inject AppDataStore appData;
  @Inject ServiceInstances instances;
  @Inject IdempotencyKeys idempotencyKeys;
  @Inject InstanceEvents events;
  @Inject PhoneNumbers phoneNumbers;
  @Inject Subscriptions subscriptions;
  @Inject Routing routing;
  @Inject CustomerTimeZones timeZones;
  @Inject Clock clock;

  /**
   * Create: the instance joins its queue; answers a ConfirmationDialog with the position and EWT.
   */
  public InstanceAnswer create(
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
                  () -> new ParameterInvalid("_phone_number", "required: the number to call"));
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
      String zone = parameters.get(OptionKey.CUSTOMER_TIME_ZONE);
      if (zone != null && !zone.isBlank()) {
        CustomerTimeZones.problemWith(zone)
            .ifPresent(
                problem -> {
                  throw new ParameterInvalid(OptionKey.CUSTOMER_TIME_ZONE, problem);
                });
        options = options.with(OptionKey.CUSTOMER_TIME_ZONE, zone.strip());
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
    QueuePosition position =
        routing.enqueue(
            id,
            options.queue(),
            options.agentReserveTimeout(),
            options.queuedTtl(),
            due.orElse(now));
    return queuedAnswer(instance, Optional.of(position));
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

  /** The zones the instance's customer may be in. */
  List<java.time.ZoneId> zonesOf(ServiceOptions options, Optional<String> phone) {
    return timeZones.of(options.get(OptionKey.CUSTOMER_TIME_ZONE), phone);
  }

  /** The create answer (and an idempotent repeat's): a ConfirmationDialog with the position. */
  private Confirmation queuedAnswer(ServiceInstance instance) {
    return queuedAnswer(instance, routing.positionOf(instance.id()));
  }

  private Confirmation queuedAnswer(ServiceInstance instance, Optional<QueuePosition> position) {
    if (instance.flow() == Flow.REQUEST_OUTBOUND_IMMEDIATE) {
      return OutboundCalls.callShortly(instance.id()); // exactly GMS's answer, nothing more
    }
    return new Confirmation(
        instance.id(),
        instance.flow().isPolled()
            ? "You are in the queue; check your position at any time"
            : instance.flow().isOutbound()
                ? "We will call you when an agent is available"
                : "We will notify you when an agent is available",
        position,
        Optional.of(instance.dataId()));
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
      throw new ParameterInvalid(
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
        throw new ParameterInvalid(
            name, "must be between -" + (int) bound + " and " + (int) bound + ", not " + raw);
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      throw new ParameterInvalid(name, "not a number: '" + raw + "'");
    }
  }
}
