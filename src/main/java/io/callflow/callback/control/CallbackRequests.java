package io.callflow.callback.control;

import io.callflow.callback.entity.CallbackRecord;
import io.callflow.callback.entity.CallbackRefused;
import io.callflow.callback.entity.CallbackSettings;
import io.callflow.callback.entity.CallbackSlot;
import io.callflow.callback.entity.CallbackState;
import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.persistence.AdvisoryLocks;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.platform.time.IsoInstants;
import io.callflow.routing.control.Routing;
import io.callflow.service.control.InteractionRequests;
import io.callflow.service.control.QueuedCreates;
import io.callflow.service.control.QueuedFlows;
import io.callflow.service.control.ServiceCatalog;
import io.callflow.service.control.ServiceInstances;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.InstanceAnswer;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.OptionKey;
import io.callflow.service.entity.ServiceDefinition;
import io.callflow.service.entity.ServiceInstance;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GMS 8.5 Callback API over the flows: a create chooses the flow from {@code _call_direction},
 * {@code _wait_for_agent} and {@code _wait_for_user_confirm} (request first, then the service's
 * configuration) after the office-hours, capacity and abuse checks; records, cancel and reschedule
 * act on the instances the creates made.
 */
@Stateless
public class CallbackRequests {

  @PersistenceContext EntityManager em;
  @Inject ServiceCatalog catalog;
  @Inject QueuedFlows queued;
  @Inject QueuedCreates queuedCreates;
  @Inject InteractionRequests interactions;
  @Inject ServiceInstances instances;
  @Inject CallbackCapacity capacity;
  @Inject CallbackRecords records;
  @Inject Routing routing;
  @Inject CallbackAbuse abuse;
  @Inject PhoneNumbers phoneNumbers;
  @Inject Clock clock;

  /** The callback service {@code name}; 400 CallbackExceptionResource when there is none. */
  public ServiceDefinition service(String name) {
    ServiceDefinition service = em.find(ServiceDefinition.class, name);
    if (service == null || service.flow() != Flow.CALLBACK) {
      throw CallbackRefused.resource(name);
    }
    return service;
  }

  public CallbackSettings settings(ServiceDefinition service) {
    return CallbackSettings.of(service.options());
  }

  /** {@code POST /service/callback/{name}}: answers the chosen flow's dialog. */
  public InstanceAnswer create(
      String name,
      Map<String, String> parameters,
      String gmsUser,
      Optional<String> idempotencyKey) {
    ServiceDefinition service = service(name);
    CallbackSettings settings = settings(service);
    Instant now = clock.instant();
    String number = abuse.customerNumber(parameters);
    String direction = choice(parameters, OptionKey.CALL_DIRECTION, settings.callDirection());
    if (!direction.equals(CallbackSettings.USERORIGINATED)
        && !direction.equals(CallbackSettings.USERTERMINATED)) {
      throw new ParameterInvalid(
          OptionKey.CALL_DIRECTION,
          "must be USERORIGINATED or USERTERMINATED, not '" + direction + "'");
    }
    boolean waitForAgent = flag(parameters, OptionKey.WAIT_FOR_AGENT, settings.waitForAgent());
    boolean confirm =
        flag(parameters, OptionKey.WAIT_FOR_USER_CONFIRM, settings.waitForUserConfirm());
    Optional<Instant> desired = desiredTime(parameters.get("_desired_time"), now);
    if (desired.isPresent() && direction.equals(CallbackSettings.USERORIGINATED)) {
      throw new ParameterInvalid("_desired_time", "only USERTERMINATED callbacks are scheduled");
    }
    lockService(name);
    Instant slot = desired.orElse(now);
    if (capacity.freeAt(name, settings, slot) == 0) {
      String why =
          settings.officeHours().isOpenAt(slot)
              ? "no capacity left at "
              : "the office is closed at ";
      throw CallbackRefused.availability(
          desired.isPresent() ? "_desired_time" : "_customer_number",
          why + CallbackCapacity.SLOT.format(slot),
          capacity.proposals(name, settings, slot, 5));
    }
    abuse.check(
        name,
        settings,
        number,
        CallbackAbuse.requesterOf(settings, parameters, gmsUser),
        desired.isEmpty(),
        now);

    Flow flow =
        direction.equals(CallbackSettings.USERORIGINATED)
            ? (waitForAgent ? Flow.REQUEST_INBOUND_DELAY : Flow.REQUEST_INBOUND_IMMEDIATE)
            : (waitForAgent ? Flow.REQUEST_OUTBOUND_DELAY : Flow.REQUEST_OUTBOUND_IMMEDIATE);
    Map<String, String> options = new LinkedHashMap<>(service.options());
    options.put(OptionKey.WAIT_FOR_USER_CONFIRM, String.valueOf(confirm));
    options.put(
        OptionKey.MAX_LIVE_PER_NUMBER,
        String.valueOf(settings.maxLivePerNumber())); // checked above
    ServiceDefinition chosen = new ServiceDefinition(name, flow, StringObjects.toText(options));
    Map<String, String> request = new LinkedHashMap<>(parameters);
    request.put("_phone_number", number);
    InstanceAnswer answer =
        flow == Flow.REQUEST_INBOUND_IMMEDIATE
            ? interactions.requestInboundImmediate(chosen, request, gmsUser, idempotencyKey)
            : queuedCreates.create(chosen, request, gmsUser, idempotencyKey);
    ServiceInstance instance = em.find(ServiceInstance.class, answer.id());
    desired.ifPresent(instance::desiredAt);
    instance.requestedBy(CallbackAbuse.requesterOf(settings, parameters, gmsUser).orElse(null));
    return answer;
  }

  /** {@code GET /service/callback?_id=…}: the one record, as an array. */
  public List<CallbackRecord> byId(String id, String gmsUser) {
    ServiceInstance instance = callbackInstance(Optional.empty(), id, gmsUser);
    return List.of(records.of(instance));
  }

  /**
   * {@code GET /service/callback[/{name}]?<property>=…}: records whose properties match, all of
   * them ({@code operand=AND}, the default) or any ({@code OR}); {@code !value} negates.
   */
  public List<CallbackRecord> query(
      Optional<String> name, Map<String, String> properties, String gmsUser) {
    name.ifPresent(this::service);
    Map<String, String> wanted = new LinkedHashMap<>(properties);
    String number = wanted.get("_customer_number");
    if (number != null && !number.startsWith("!")) {
      phoneNumbers
          .toE164(number)
          .ifPresent(e164 -> wanted.put("_customer_number", e164)); // as records hold it
    }
    return records.query(name, wanted, gmsUser);
  }

  /**
   * {@code DELETE /service/callback/{name}/{id}}: cancels; answers the record (COMPLETED,
   * CANCELLED).
   */
  public CallbackRecord cancel(String name, String id, String gmsUser) {
    callbackInstance(Optional.of(name), id, gmsUser);
    instances.cancel(id, gmsUser);
    return records.of(em.find(ServiceInstance.class, id));
  }

  /**
   * {@code PUT /service/callback/{name}/{id}} with {@code _new_desired_time}: moves a waiting
   * callback.
   */
  public CallbackRecord reschedule(
      String name, String id, Map<String, String> body, String gmsUser) {
    ServiceDefinition service = service(name);
    CallbackSettings settings = settings(service);
    Instant now = clock.instant();
    String raw = body.get("_new_desired_time");
    if (raw == null || raw.isBlank()) {
      throw new ParameterInvalid("_new_desired_time", "required: when to call instead");
    }
    Instant at = IsoInstants.parse("_new_desired_time", raw.strip());
    if (at.isBefore(now)) {
      throw new ParameterInvalid("_new_desired_time", "is in the past: " + raw);
    }
    routing.lock(id);
    ServiceInstance instance = callbackInstance(Optional.of(name), id, gmsUser);
    em.refresh(instance, LockModeType.PESSIMISTIC_WRITE);
    if (!instance.may(Move.SCHEDULE)) {
      throw CallbackRefused.notMovable(id, CallbackState.of(instance.state()));
    }
    lockService(name);
    if (capacity.freeAt(name, settings, at) == 0) {
      throw CallbackRefused.availability(
          "_new_desired_time",
          "no free slot at " + CallbackCapacity.SLOT.format(at),
          capacity.proposals(name, settings, at, 5));
    }
    routing.reschedule(id, at);
    queued.reschedule(instance, at);
    return records.of(instance);
  }

  /** {@code GET /service/callback/{name}/availability}. */
  public List<CallbackSlot> availability(
      String name, String start, String end, Integer days, Integer maxSlots) {
    ServiceDefinition service = service(name);
    Instant from =
        start == null || start.isBlank()
            ? clock.instant()
            : IsoInstants.parse("start", start.strip());
    Instant to =
        end == null || end.isBlank()
            ? from.plus(Duration.ofDays(days == null ? 1 : Math.max(1, Math.min(days, 31))))
            : IsoInstants.parse("end", end.strip());
    if (!to.isAfter(from)) {
      throw new ParameterInvalid("end", "must be after start");
    }
    return capacity.availability(
        name,
        settings(service),
        from,
        to,
        maxSlots == null ? 500 : Math.max(1, Math.min(maxSlots, 5000)));
  }

  private ServiceInstance callbackInstance(Optional<String> name, String id, String gmsUser) {
    ServiceInstance instance = em.find(ServiceInstance.class, id);
    boolean ours =
        instance != null
            && instance.isVisibleTo(gmsUser)
            && name.map(instance.serviceName()::equals).orElse(true)
            && isCallbackService(instance.serviceName());
    if (!ours) {
      throw CallbackRefused.notFound(
          "no callback " + id + name.map(n -> " of service " + n).orElse(""));
    }
    return instance;
  }

  private boolean isCallbackService(String name) {
    ServiceDefinition service = em.find(ServiceDefinition.class, name);
    return service != null && service.flow() == Flow.CALLBACK;
  }

  /** Serialises a service's capacity and abuse checks with its creates, on every server. */
  private void lockService(String name) {
    AdvisoryLocks.lock(em, "callback|" + name);
  }

  private static String choice(Map<String, String> parameters, String name, String byDefault) {
    String value = parameters.get(name);
    return value == null || value.isBlank() ? byDefault : value.strip().toUpperCase();
  }

  private static boolean flag(Map<String, String> parameters, String name, boolean byDefault) {
    String value = parameters.get(name);
    if (value == null || value.isBlank()) {
      return byDefault;
    }
    if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
      throw new ParameterInvalid(name, "must be true or false, not '" + value + "'");
    }
    return Boolean.parseBoolean(value.strip());
  }

  private static Optional<Instant> desiredTime(String raw, Instant now) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    Instant at = IsoInstants.parse("_desired_time", raw.strip());
    if (at.isBefore(now.minus(Duration.ofMinutes(1)))) {
      throw new ParameterInvalid("_desired_time", "is in the past: " + raw);
    }
    return at.isAfter(now) ? Optional.of(at) : Optional.empty();
  }
}
