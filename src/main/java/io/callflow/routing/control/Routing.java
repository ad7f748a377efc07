package io.callflow.routing.control;

import io.callflow.desktop.control.DesktopCommands;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import io.callflow.routing.entity.QueueEntry;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.routing.entity.QueueWait;
import io.callflow.routing.entity.ReservationLapsed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Virtual queues: customers wait in FIFO order per queue and keep their place when a held agent is
 * released; an agent held for a customer is released, engaged or freed here, and every change asks
 * for a dispatch ({@link Dispatcher}) where pairing may have become possible. Every change happens
 * in the caller's transaction. The sweeps' timers are {@link RoutingTimers}, positions and EWT
 * {@link QueuePositions}.
 */
@Stateless
public class Routing {

  /** JMS message type on {@link Destinations#ROUTING}: dispatch the queue named in the body. */
  public static final String DISPATCH = "Dispatch";

  private static final Logger LOG = Logger.getLogger(Routing.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject MessageSender sender;
  @Inject DesktopCommands desktops;
  @Inject HandleTimes handleTimes;
  @Inject RoutingMetrics metrics;
  @Inject QueueEntries entries;
  @Inject QueuePositions positions;
  @Inject QueueLines lines;
  @Inject Event<ReservationLapsed> lapsedEvents;

  /**
   * Puts a customer in {@code queue} who joins the line at {@code from} (a scheduled callback: not
   * dispatched before, and behind everyone who joined earlier).
   */
  public QueuePosition enqueue(
      String serviceId, String queue, Duration reserveTimeout, Duration queuedTtl, Instant from) {
    Instant now = clock.instant();
    Instant joins = from.isAfter(now) ? from : now;
    QueueEntry entry = new QueueEntry(serviceId, queue, joins, reserveTimeout, queuedTtl);
    lines.changing(queue);
    em.persist(entry);
    em.flush();
    QueuePosition position = positions.of(entry);
    em.persist(new QueueWait(serviceId, queue, position.ewt().seconds(), joins));
    requestDispatch(queue, Duration.between(now, joins));
    metrics.queued(queue);
    return position;
  }

  /**
   * Locks the customer's queue entry for the caller's transaction, if there is one. Whoever changes
   * a queued instance takes this lock before the instance's row, as dispatch does, so no two
   * transactions wait on each other.
   */
  public boolean lock(String serviceId) {
    return entries.lock(serviceId).isPresent();
  }

  /** Keeps the agent held for {@code serviceId} until {@code until}; nothing if none is held. */
  public void holdFor(String serviceId, Duration duration) {
    entries.lock(serviceId).ifPresent(entry -> entry.holdUntil(clock.instant().plus(duration)));
  }

  /**
   * Keeps the agent held for {@code serviceId} until the flow releases or re-times the reservation.
   */
  public void holdWithoutDeadline(String serviceId) {
    entries.lock(serviceId).ifPresent(QueueEntry::holdWithoutDeadline);
  }

  /**
   * Releases the agent held for {@code serviceId} (telling their desktop why) and puts the customer
   * back at their old place, not dispatched before {@code notBefore}.
   */
  public void requeue(String serviceId, String reason, Instant notBefore) {
    entries
        .lock(serviceId)
        .filter(QueueEntry::isReserved)
        .ifPresent(entry -> requeue(entry, reason, notBefore));
  }

  /** As {@link #requeue(String, String, Instant)}, for an entry the caller has locked. */
  public void requeue(QueueEntry entry, String reason, Instant notBefore) {
    Instant now = clock.instant();
    String agentId = entry.agentId().orElseThrow();
    lines.changing(entry.queueName());
    entry.requeue(notBefore);
    desktops.revoked(entry.serviceId(), agentId, reason);
    lapsedEvents.fire(new ReservationLapsed(entry.serviceId(), agentId, reason, now));
    requestDispatch(
        entry.queueName(), Duration.between(now, notBefore)); // when this customer may be served
    freed(agentId);
  }

  /**
   * A waiting customer joins the line at {@code at} instead; false when they are no longer waiting.
   */
  public boolean reschedule(String serviceId, Instant at) {
    Optional<QueueEntry> entry = entries.lock(serviceId).filter(QueueEntry::isWaiting);
    entry.ifPresent(
        e -> {
          lines.changing(e.queueName());
          e.rescheduleTo(at);
          requestDispatch(e.queueName(), Duration.between(clock.instant(), at));
        });
    return entry.isPresent();
  }

  /** The customer leaves the queue (cancel, end of flow); a held agent is told and freed. */
  public void leave(String serviceId, String reason) {
    entries
        .lock(serviceId)
        .ifPresent(
            entry -> {
              Optional<String> agentId = entry.agentId();
              if (entry.isReserved()) {
                desktops.revoked(serviceId, agentId.orElseThrow(), reason);
              }
              lines.changing(entry.queueName());
              em.remove(entry);
              agentId.ifPresent(this::freed);
            });
  }

  /** The customer's call was matched: the reserved agent gets it; answers that agent. */
  public Optional<String> engage(String serviceId) {
    return entries
        .lock(serviceId)
        .filter(QueueEntry::isReserved)
        .map(
            entry -> {
              entry.engage(clock.instant());
              return entry.agentId().orElseThrow();
            });
  }

  /**
   * The agent's call for {@code serviceId} ended: the agent is free again, and a completed call
   * teaches the queue its handle time.
   */
  public void callEnded(String serviceId, String agentId, boolean completed) {
    entries
        .lock(serviceId)
        .filter(entry -> entry.isEngaged() && entry.agentId().orElseThrow().equals(agentId))
        .ifPresent(
            entry -> {
              Instant now = clock.instant();
              if (completed) {
                handleTimes.record(
                    entry.queueName(), Duration.between(entry.engagedAt().orElseThrow(), now));
              }
              em.remove(entry);
              freed(agentId);
            });
  }

  /** An agent turned READY: their queues may have someone waiting; a call they were on is over. */
  public void agentReady(String agentId, List<String> queues) {
    entries.heldBy(agentId).stream().filter(QueueEntry::isEngaged).forEach(em::remove);
    queues.forEach(q -> requestDispatch(q, Duration.ZERO));
  }

  /**
   * An agent left READY: a customer they were held for waits again; LOGOUT also ends their call.
   */
  public void agentUnavailable(String agentId, String state) {
    for (QueueEntry entry : entries.heldBy(agentId)) {
      if (entry.isReserved()) {
        requeue(entry, "AGENT_" + state, clock.instant());
      } else if ("LOGOUT".equals(state)) {
        em.remove(entry);
      }
    }
  }

  /** Where {@code serviceId} stands, if it is in a queue. */
  public Optional<QueuePosition> positionOf(String serviceId) {
    return positions.positionOf(serviceId);
  }

  /** An agent holds nobody any more: any of their queues may have someone for them now. */
  private void freed(String agentId) {
    entries.queuesOf(agentId).forEach(queue -> requestDispatch(queue, Duration.ZERO));
  }

  private void requestDispatch(String queue, Duration delay) {
    sender.enqueue(
        Destinations.ROUTING,
        DISPATCH,
        Jsonp.createObjectBuilder().add("queue", queue).build().toString(),
        delay.isNegative() ? Duration.ZERO : delay);
  }
}
