package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.control.PoolCatalogue;
import io.callflow.access.control.Pools;
import io.callflow.access.entity.Allocation;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.MatchDecision;
import io.callflow.access.entity.Pool;
import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.service.entity.InstanceAnswer.Matched;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.MatchAmbiguous;
import io.callflow.service.entity.NoMatch;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.storage.control.AppDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code match-interaction}: the IVR asks which app session an inbound call belongs to, by the
 * number dialled (DNIS), the caller's number (ANI) and the access code the caller entered. A match
 * releases the booking, so a second call on the same access info finds nothing.
 */
@ApplicationScoped
@Transactional
public class InteractionMatches {

  private static final Logger LOG = Logger.getLogger(InteractionMatches.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Pools pools;
  @Inject PoolCatalogue catalogue;
  @Inject Bookings bookings;
  @Inject BookedInstances bookedInstances;
  @Inject AppDataStore appData;
  @Inject PhoneNumbers phoneNumbers;
  @Inject QueuedFlows queued;

  public Matched match(Map<String, String> parameters) {
    String rawDnis = parameters.get("_access_number");
    if (rawDnis == null || rawDnis.isBlank()) {
      throw new ParameterInvalid(
          "_access_number", "required: the number the caller dialled (DNIS)");
    }
    String dnis =
        phoneNumbers
            .toE164(rawDnis)
            .orElseThrow(
                () ->
                    new ParameterInvalid("_access_number", "not a valid phone number: " + rawDnis));
    Optional<String> ani = caller(parameters.get("_phone_number"));
    Optional<String> code =
        Optional.ofNullable(parameters.get("_access_code"))
            .map(String::strip)
            .filter(c -> !c.isEmpty());
    boolean returnUserData =
        Boolean.parseBoolean(parameters.getOrDefault("_return_user_data", "false"));

    List<BookedInstances.Booked> booked = bookedInstances.liveOnForUpdate(dnis);
    List<Booking> live = booked.stream().map(BookedInstances.Booked::booking).toList();
    // a live booking names its pool, known to the catalogue: no lookup of the number
    Optional<Allocation> allocation =
        live.isEmpty()
            ? pools.ofNumber(dnis).map(Pool::allocation)
            : Optional.of(catalogue.settings(live.get(0).poolName()).allocation());
    if (allocation.isEmpty()) {
      ServiceInstance pending =
          ani.flatMap(this::pendingInstanceOf)
              .orElseThrow(() -> new NoMatch("no match for " + dnis + describe(ani, code)));
      // the customer called instead of waiting: their call keeps the instance's place and data
      queued.inboundCallArrived(pending);
      return answer(pending, returnUserData);
    }
    MatchDecision.Outcome outcome = MatchDecision.decide(allocation.get(), live, ani, code);
    if (outcome instanceof MatchDecision.Ambiguous ambiguous) {
      throw new MatchAmbiguous(ambiguous.reason());
    }
    if (outcome instanceof MatchDecision.NoMatch none) {
      throw new NoMatch("no match for " + dnis + describe(ani, code) + ": " + none.reason());
    }
    MatchDecision.Matched matched = (MatchDecision.Matched) outcome;
    Booking booking = matched.booking();
    if (matched.aniDiffers()) {
      LOG.info(
          () ->
              "Matched "
                  + dnis
                  + " to "
                  + booking.serviceId()
                  + " by number although the caller "
                  + ani.orElse("?")
                  + " is not the booked "
                  + booking.phoneNumber().orElse("?"));
    }
    ServiceInstance instance =
        booked.stream()
            .filter(b -> b.booking() == booking)
            .findFirst()
            .flatMap(bookedInstances::adopt)
            .orElse(null);
    bookings.endLocked(booking, Booking.EndReason.MATCHED);
    if (instance == null) {
      throw new NoMatch("no match for " + dnis + ": the booking's instance no longer exists");
    }
    return answer(instance, returnUserData);
  }

  /** Main-line calls: the oldest queued or scheduled instance of this customer, locked. */
  private Optional<ServiceInstance> pendingInstanceOf(String ani) {
    return em
        .createQuery(
            "SELECT i FROM ServiceInstance i WHERE i.phoneNumber = :phone AND i.state IN :states"
                + " ORDER BY i.createdAt",
            ServiceInstance.class)
        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .setParameter("phone", ani)
        .setParameter("states", List.of(InstanceState.QUEUED, InstanceState.SCHEDULED))
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  private Matched answer(ServiceInstance instance, boolean returnUserData) {
    return new Matched(
        instance.id(),
        instance.dataId(),
        instance.state() == InstanceState.CONNECTED ? instance.agentId() : Optional.empty(),
        returnUserData ? appData.read(instance.dataId()).orElse(Map.of()) : Map.of());
  }

  /** An ANI the IVR could not present ("anonymous", "unknown") is no ANI. */
  private Optional<String> caller(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    Optional<String> e164 = phoneNumbers.toE164(raw);
    if (e164.isEmpty()) {
      LOG.fine(() -> "Ignoring unusable ANI " + raw);
    }
    return e164;
  }

  private static String describe(Optional<String> ani, Optional<String> code) {
    return ani.map(a -> " from " + a).orElse("")
        + code.map(c -> " with access code " + c).orElse("");
  }
}
