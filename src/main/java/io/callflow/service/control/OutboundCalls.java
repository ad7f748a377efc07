package io.callflow.service.control;

import io.callflow.desktop.control.DesktopCommands;
import io.callflow.desktop.entity.CallResultReported;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import io.callflow.routing.control.Routing;
import io.callflow.service.entity.DialAttempt;
import io.callflow.service.entity.InstanceAnswer.Confirmation;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.OptionKey;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.storage.control.AppDataStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The contact center calls the customer back: each attempt is placed by the reserved agent's phone
 * ({@code Offer OUTBOUND} with the number) or by the dialer ({@code Dial} on callflow.dialer, the
 * answered call then offered to the agent), recorded with its outcome; no answer or busy is tried
 * again after {@code _dial_retry_timeout} until {@code _max_dial_attempts}. Runs in the caller's
 * transaction, with the queue entry and instance already locked.
 */
@Stateless
public class OutboundCalls {

  /** GMS's answer when the contact center is about to call. */
  public static final String CALL_SHORTLY = "You will receive the call shortly";

  /** JMS message type on callflow.dialer. */
  public static final String DIAL = "Dial";

  private static final Logger LOG = Logger.getLogger(OutboundCalls.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Routing routing;
  @Inject DesktopCommands desktops;
  @Inject MessageSender sender;
  @Inject InstanceEvents events;
  @Inject AppDataStore appData;
  @Inject Clock clock;
  @Inject CustomerTimeZones timeZones;

  /** GMS's exact "You will receive the call shortly" ConfirmationDialog. */
  static Confirmation callShortly(String id) {
    return new Confirmation(id, CALL_SHORTLY, Optional.empty(), Optional.empty());
  }

  /**
   * Places the next attempt through the reserved agent or the dialer; fails once attempts run out.
   */
  public void dial(ServiceInstance instance, ServiceOptions options, Instant now) {
    int attempt = attemptsOf(instance.id()).size() + 1;
    if (attempt > options.maxDialAttempts()) {
      fail(instance, "no result after " + options.maxDialAttempts() + " attempt(s)", now);
      return;
    }
    List<ZoneId> zones =
        timeZones.of(options.get(OptionKey.CUSTOMER_TIME_ZONE), instance.phoneNumber());
    if (!options.callingHours().isOpenAt(now, zones)) {
      // the agent came free after hours: the customer keeps their place until the next opening
      options
          .callingHours()
          .nextOpening(now, zones)
          .ifPresentOrElse(
              opening -> routing.requeue(instance.id(), "CALLING_HOURS", opening),
              () ->
                  fail(
                      instance,
                      "the calling hours never open in the customer's time zones " + zones,
                      now));
      return;
    }
    String agent = instance.agentId().orElseThrow();
    String phone = instance.phoneNumber().orElseThrow();
    DialAttempt.Party party = options.firstConnectParty();
    em.persist(new DialAttempt(instance.id(), attempt, party, agent, now));
    events.publish(instance.dial(now));
    routing.holdFor(instance.id(), options.agentReserveTimeout());
    if (party == DialAttempt.Party.AGENT) {
      desktops.outbound(instance.id(), agent, Optional.of(phone), data(instance), attempt);
    } else {
      sender.enqueue(
          Destinations.DIALER,
          DIAL,
          Jsonp.createObjectBuilder()
              .add("serviceId", instance.id())
              .add("phone", phone)
              .add("attempt", attempt)
              .build()
              .toString());
    }
  }

  /** What a desktop or the dialer reported about the current attempt. */
  public void resultOf(
      ServiceInstance instance, ServiceOptions options, CallResultReported report) {
    List<DialAttempt> attempts = attemptsOf(instance.id());
    if (instance.hasEnded() || attempts.isEmpty()) {
      return;
    }
    DialAttempt current = attempts.get(attempts.size() - 1);
    if (report.attempt() > 0 && report.attempt() != current.attempt()) {
      LOG.fine(
          () ->
              "Ignoring a late "
                  + report.result()
                  + " of attempt "
                  + report.attempt()
                  + " for "
                  + instance.id());
      return;
    }
    Instant now = clock.instant();
    switch (report.result()) {
      case CONNECTED -> {
        current.ended(report.result().name(), now);
        if (instance.may(Move.CONNECT)) {
          Optional<String> agent = routing.engage(instance.id());
          if (current.party() == DialAttempt.Party.CUSTOMER) {
            // the dialer reached the customer: the call goes to the agent held for them
            agent.ifPresent(
                a ->
                    desktops.outbound(
                        instance.id(), a, Optional.empty(), data(instance), current.attempt()));
          }
          events.publish(instance.connect(now));
        }
      }
      case COMPLETED -> {
        current.ended(report.result().name(), now);
        if (InstanceEvents.mayOrIgnore(instance, Move.COMPLETE, "a reported COMPLETED")) {
          routing.engage(instance.id());
          instance.agentId().ifPresent(agent -> routing.callEnded(instance.id(), agent, true));
          events.publish(instance.complete(now));
        }
      }
      case NO_ANSWER, BUSY -> {
        current.ended(report.result().name(), now);
        if (!InstanceEvents.mayOrIgnore(instance, Move.LAPSE, "a reported " + report.result())) {
          return;
        } else if (current.attempt() < options.maxDialAttempts()) {
          // the agent is released meanwhile; the customer keeps their place and is dialled again
          routing.requeue(
              instance.id(), report.result().name(), now.plus(options.dialRetryTimeout()));
        } else {
          fail(instance, report.result() + " on all " + current.attempt() + " attempt(s)", now);
        }
      }
      case FAILED -> {
        current.ended(report.result().name(), now);
        fail(instance, "the call failed on attempt " + current.attempt(), now);
      }
    }
  }

  /** The attempts so far, first first. */
  public List<DialAttempt> attemptsOf(String serviceId) {
    return em.createQuery(
            "SELECT a FROM DialAttempt a WHERE a.key.serviceId = :id ORDER BY a.key.attempt",
            DialAttempt.class)
        .setParameter("id", serviceId)
        .getResultList();
  }

  private void fail(ServiceInstance instance, String reason, Instant now) {
    if (InstanceEvents.mayOrIgnore(instance, Move.FAIL, reason)) {
      routing.leave(instance.id(), "FAILED");
      events.publish(instance.fail(reason, now));
    }
  }

  private JsonObject data(ServiceInstance instance) {
    return StringObjects.toJson(appData.read(instance.dataId()).orElse(Map.of()));
  }
}
