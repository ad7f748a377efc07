package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.entity.Booking;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.routing.control.Routing;
import io.callflow.service.entity.DialAttempt;
import io.callflow.service.entity.InstanceNotFound;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.NoLiveAccess;
import io.callflow.service.entity.RequestUnknown;
import io.callflow.service.entity.ServiceInstance;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
  public Map<String, String> describe(String id, String gmsUser) {
    return describe(visible(id, gmsUser), clock.instant());
  }

  /**
   * {@code GET /service/{id}} on the wire: {@link #describe} and, for outbound flows, {@code
   * _attempts}, every call placed with its time and outcome.
   */
  public JsonObject describeJson(String id, String gmsUser) {
    ServiceInstance instance = visible(id, gmsUser);
    JsonObjectBuilder answer =
        Jsonp.createObjectBuilder(StringObjects.toJson(describe(instance, clock.instant())));
    if (instance.flow().isOutbound()) {
      JsonArrayBuilder attempts = Jsonp.createArrayBuilder();
      for (DialAttempt attempt : outbound.attemptsOf(id)) {
        JsonObjectBuilder one =
            Jsonp.createObjectBuilder()
                .add("attempt", String.valueOf(attempt.attempt()))
                .add("party", attempt.party().name())
                .add("at", attempt.dialledAt().toString());
        attempt.result().ifPresent(result -> one.add("result", result));
        attempt.resultAt().ifPresent(at -> one.add("resultAt", at.toString()));
        attempts.add(one);
      }
      answer.add("_attempts", attempts);
    }
    return answer.build();
  }

  /** The description of any instance, for the server's own use (event streams). */
  public Map<String, String> describeAny(String id) {
    ServiceInstance instance = em.find(ServiceInstance.class, id);
    if (instance == null) {
      throw new InstanceNotFound(id);
    }
    return describe(instance, clock.instant());
  }

  Map<String, String> describe(ServiceInstance instance, Instant now) {
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("_id", instance.id());
    answer.put("_service", instance.serviceName());
    answer.put("_state", instance.state().name());
    answer.put("_data_id", instance.dataId());
    bookings.liveFor(instance.id()).ifPresent(booking -> AccessAnswer.addTo(answer, booking, now));
    if (instance.state() == InstanceState.QUEUED) {
      routing
          .positionOf(instance.id())
          .ifPresent(position -> QueuedDialogs.position(answer, position));
    }
    instance
        .agentId()
        .filter(agent -> !instance.hasEnded())
        .ifPresent(agent -> answer.put("_agent_id", agent));
    instance.failureReason().ifPresent(reason -> answer.put("_failure_reason", reason));
    instance.scheduledFor().ifPresent(due -> answer.put("_desired_time", due.toString()));
    return answer;
  }

  /** The DialNumber dialog while the instance's access info lives; 404 once it has ended. */
  public Map<String, String> dialNumber(String id, String gmsUser) {
    ServiceInstance instance = visible(id, gmsUser);
    Instant now = clock.instant();
    Booking booking = bookings.liveFor(instance.id()).orElseThrow(() -> new NoLiveAccess(id));
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("_id", instance.id());
    DialNumberDialog.addTo(answer, booking, now);
    answer.put("_data_id", instance.dataId());
    return answer;
  }

  /** {@code GET|POST /service/{id}/{request}}: the requests an instance answers. */
  public Map<String, String> request(String id, String request, String gmsUser) {
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
  public Map<String, String> cancel(String id, String gmsUser) {
    routing.lock(id); // queue entry before instance, as the dispatcher takes them
    ServiceInstance instance = visible(id, gmsUser);
    Instant now = clock.instant();
    routing.leave(instance.id(), "CANCELLED");
    bookings.endAllFor(instance.id(), Booking.EndReason.CANCELLED);
    if (!instance.hasEnded()) { // a repeated cancel answers the state it ended in
      events.publish(instance.cancel(now));
    }
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("_id", instance.id());
    answer.put("_state", instance.state().name());
    return answer;
  }
}
