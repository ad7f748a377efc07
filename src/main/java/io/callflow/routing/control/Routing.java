package io.callflow.routing.control;

import io.callflow.desktop.control.DesktopCommands;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import io.callflow.routing.entity.AgentReserved;
import io.callflow.routing.entity.Ewt;
import io.callflow.routing.entity.QueueEntry;
import io.callflow.routing.entity.QueueEntryExpired;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.routing.entity.QueueWait;
import io.callflow.routing.entity.ReservationLapsed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Virtual queues: customers wait in FIFO order per queue; an idle agent (READY, logged in to the
 * queue, holding nobody) is reserved for the oldest waiting customer. Every change happens in the
 * caller's transaction. Rows are taken with {@code SKIP LOCKED}, so several dispatchers (threads or
 * servers) pair different agents with different customers; the unique index on the reserved agent
 * is the last line of defence against holding one agent twice.
 */
@Stateless
public class Routing {

  /** JMS message type on {@link Destinations#ROUTING}: dispatch the queue named in the body. */
  public static final String DISPATCH = "Dispatch";

  private static final Logger LOG = Logger.getLogger(Routing.class.getName());

  /** A JSON array of queue names in agent.queues contains the queue. */
  private static final String IN_QUEUE =
      "a.logged_in AND a.queues::jsonb @> jsonb_build_array(CAST(?1 AS text))";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject MessageSender sender;
  @Inject DesktopCommands desktops;
  @Inject HandleTimes handleTimes;
  @Inject RoutingMetrics metrics;
  @Inject Event<AgentReserved> reservedEvents;
  @Inject Event<ReservationLapsed> lapsedEvents;
  @Inject Event<QueueEntryExpired> expiredEvents;

  /**
   * Puts a customer at the end of {@code queue} and asks for a dispatch; answers their position.
   */
  public QueuePosition enqueue(
      String serviceId, String queue, Duration reserveTimeout, Duration queuedTtl) {
    return enqueue(serviceId, queue, reserveTimeout, queuedTtl, clock.instant());
  }

  /**
   * Puts a customer in {@code queue} who joins the line at {@code from} (a scheduled callback: not
   * dispatched before, and behind everyone who joined earlier).
   */
  public QueuePosition enqueue(
      String serviceId, String queue, Duration reserveTimeout, Duration queuedTtl, Instant from) {
    Instant now = clock.instant();
    Instant joins = from.isAfter(now) ? from : now;
    QueueEntry entry = new QueueEntry(serviceId, queue, joins, reserveTimeout, queuedTtl);
    em.persist(entry);
    em.flush();
    QueuePosition position = position(entry);
    em.persist(new QueueWait(serviceId, queue, position.ewt().seconds(), joins));
    requestDispatch(queue, Duration.between(now, joins));
    metrics.queued(queue);
    return position;
  }

  /**
   * Reserves idle agents of {@code queue} for its oldest waiting customers, one pair at a time,
   * until either runs out; answers how many were paired.
   */
  public int dispatch(String queue) {
    int paired = 0;
    List<String> busy = new ArrayList<>();
    while (true) {
      Instant now = clock.instant();
      Optional<String> agent = lockIdleAgent(queue, busy);
      if (agent.isEmpty()) {
        return paired;
      }
      if (holdsAnyone(agent.get())) {
        busy.add(
            agent.get()); // reserved by a dispatcher that committed after this statement's snapshot
        continue;
      }
      Optional<QueueEntry> next = lockOldestWaiting(queue, now);
      if (next.isEmpty()) {
        return paired;
      }
      reserve(next.get(), agent.get(), now);
      paired++;
    }
  }

  private void reserve(QueueEntry entry, String agentId, Instant now) {
    entry.reserve(agentId, now);
    em.flush(); // the unique index speaks now, inside this dispatch, rather than at commit
    QueueWait wait = em.find(QueueWait.class, entry.serviceId());
    if (wait != null) {
      wait.dispatched(now);
    }
    metrics.reserved(entry.queueName());
    LOG.fine(
        () ->
            "Reserved agent "
                + agentId
                + " for "
                + entry.serviceId()
                + " in queue "
                + entry.queueName());
    reservedEvents.fire(
        new AgentReserved(
            entry.serviceId(),
            agentId,
            entry.queueName(),
            entry.reservedUntil().orElseThrow(),
            now));
  }

  /**
   * Locks the customer's queue entry for the caller's transaction, if there is one. Whoever changes
   * a queued instance takes this lock before the instance's row, as dispatch does, so no two
   * transactions wait on each other.
   */
  public boolean lock(String serviceId) {
    return lockEntry(serviceId).isPresent();
  }

  /** Keeps the agent held for {@code serviceId} until {@code until}; nothing if none is held. */
  public void holdFor(String serviceId, Duration duration) {
    lockEntry(serviceId).ifPresent(entry -> entry.holdUntil(clock.instant().plus(duration)));
  }

  /**
   * Keeps the agent held for {@code serviceId} until the flow releases or re-times the reservation.
   */
  public void holdWithoutDeadline(String serviceId) {
    lockEntry(serviceId).ifPresent(QueueEntry::holdWithoutDeadline);
  }

  /**
   * Releases the agent held for {@code serviceId} (telling their desktop why) and puts the customer
   * back at their old place, not dispatched before {@code notBefore}.
   */
  public void requeue(String serviceId, String reason, Instant notBefore) {
    lockEntry(serviceId)
        .filter(QueueEntry::isReserved)
        .ifPresent(entry -> requeue(entry, reason, notBefore));
  }

  private void requeue(QueueEntry entry, String reason, Instant notBefore) {
    Instant now = clock.instant();
    String agentId = entry.agentId().orElseThrow();
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
    Optional<QueueEntry> entry = lockEntry(serviceId).filter(QueueEntry::isWaiting);
    entry.ifPresent(
        e -> {
          e.rescheduleTo(at);
          requestDispatch(e.queueName(), Duration.between(clock.instant(), at));
        });
    return entry.isPresent();
  }

  /** The customer leaves the queue (cancel, end of flow); a held agent is told and freed. */
  public void leave(String serviceId, String reason) {
    lockEntry(serviceId)
        .ifPresent(
            entry -> {
              Optional<String> agentId = entry.agentId();
              if (entry.isReserved()) {
                desktops.revoked(serviceId, agentId.orElseThrow(), reason);
              }
              em.remove(entry);
              agentId.ifPresent(this::freed);
            });
  }

  /** The customer's call was matched: the reserved agent gets it; answers that agent. */
  public Optional<String> engage(String serviceId) {
    return lockEntry(serviceId)
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
    lockEntry(serviceId)
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
    entriesHeldBy(agentId).stream().filter(QueueEntry::isEngaged).forEach(em::remove);
    queues.forEach(q -> requestDispatch(q, Duration.ZERO));
  }

  /**
   * An agent left READY: a customer they were held for waits again; LOGOUT also ends their call.
   */
  public void agentUnavailable(String agentId, String state) {
    for (QueueEntry entry : entriesHeldBy(agentId)) {
      if (entry.isReserved()) {
        requeue(entry, "AGENT_" + state, clock.instant());
      } else if ("LOGOUT".equals(state)) {
        em.remove(entry);
      }
    }
  }

  /** Where {@code serviceId} stands, if it is in a queue. */
  public Optional<QueuePosition> positionOf(String serviceId) {
    return Optional.ofNullable(em.find(QueueEntry.class, serviceId)).map(this::position);
  }

  private QueuePosition position(QueueEntry entry) {
    String queue = entry.queueName();
    int waiting =
        count("SELECT count(*) FROM queue_entry WHERE queue_name = ?1 AND agent_id IS NULL", queue);
    if (!entry.isWaiting()) {
      return new QueuePosition(0, waiting, Ewt.estimate(1, 1, 1, Duration.ZERO), entry.agentId());
    }
    int ahead =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM queue_entry WHERE queue_name = ?1 AND agent_id IS NULL"
                            + " AND (queued_since, service_id) < (?2, ?3)")
                    .setParameter(1, queue)
                    .setParameter(2, Timestamp.from(entry.queuedSince()))
                    .setParameter(3, entry.serviceId())
                    .getSingleResult())
            .intValue();
    int loggedIn =
        count("SELECT count(*) FROM agent a WHERE " + IN_QUEUE + " AND a.state <> 'LOGOUT'", queue);
    int idle =
        count(
            "SELECT count(*) FROM agent a WHERE "
                + IN_QUEUE
                + " AND a.state = 'READY'"
                + " AND NOT EXISTS (SELECT 1 FROM queue_entry e WHERE e.agent_id = a.agent_id)",
            queue);
    return new QueuePosition(
        ahead + 1,
        waiting,
        Ewt.estimate(ahead + 1, loggedIn, Math.min(idle, loggedIn), handleTimes.of(queue)),
        Optional.empty());
  }

  /**
   * Queues where a customer may be served now (waiting, eligible, and an idle agent is there), for
   * the sweep: the dispatch messages are the fast path, this catches what they missed — a dispatch
   * that ran while its customer's or agent's transaction was not yet visible, or that skipped a row
   * another transaction held.
   */
  public List<String> queuesToDispatch(Instant now, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT DISTINCT e.queue_name FROM queue_entry e WHERE e.agent_id IS NULL AND e.eligible_at <= ?1"
                    + " AND EXISTS (SELECT 1 FROM agent a WHERE a.logged_in AND a.state = 'READY'"
                    + " AND a.queues::jsonb @> jsonb_build_array(e.queue_name)"
                    + " AND NOT EXISTS (SELECT 1 FROM queue_entry h WHERE h.agent_id = a.agent_id))"
                    + " LIMIT "
                    + limit)
            .setParameter(1, Timestamp.from(now))
            .getResultList();
    return rows.stream().map(Object::toString).toList();
  }

  /** Dispatches one queue in a transaction of its own, for the sweep. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void dispatchAlone(String queue) {
    int paired = dispatch(queue);
    if (paired > 0) {
      LOG.fine(() -> "Routing sweep dispatched " + paired + " customer(s) in queue " + queue);
    }
  }

  /** Reservations past their end, for the sweep. */
  public List<String> lapsedReservations(Instant now, int limit) {
    return ids(
        "SELECT service_id FROM queue_entry WHERE reserved_until <= ?1 ORDER BY reserved_until",
        now,
        limit);
  }

  /** Customers who waited past their queued TTL without an agent, for the sweep. */
  public List<String> expiredWaits(Instant now, int limit) {
    return ids(
        "SELECT service_id FROM queue_entry WHERE agent_id IS NULL AND expires_at <= ?1 ORDER BY expires_at",
        now,
        limit);
  }

  /** Ends one lapsed reservation in a transaction of its own, if it is still lapsed. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void lapse(String serviceId) {
    Instant now = clock.instant();
    lockEntrySkipLocked(serviceId)
        .filter(entry -> entry.isReserved() && !entry.reservedUntil().orElseThrow().isAfter(now))
        .ifPresent(entry -> requeue(entry, "TIMEOUT", now));
  }

  /** Takes one customer who waited too long out of the queue, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void expireWait(String serviceId) {
    Instant now = clock.instant();
    lockEntrySkipLocked(serviceId)
        .filter(QueueEntry::isWaiting)
        .ifPresent(
            entry -> {
              em.remove(entry);
              expiredEvents.fire(new QueueEntryExpired(serviceId, entry.queueName(), now));
            });
  }

  /** An agent holds nobody any more: any of their queues may have someone for them now. */
  private void freed(String agentId) {
    queuesOf(agentId).forEach(queue -> requestDispatch(queue, Duration.ZERO));
  }

  private void requestDispatch(String queue, Duration delay) {
    sender.enqueue(
        Destinations.ROUTING,
        DISPATCH,
        Jsonp.createObjectBuilder().add("queue", queue).build().toString(),
        delay.isNegative() ? Duration.ZERO : delay);
  }

  private Optional<String> lockIdleAgent(String queue, List<String> skip) {
    StringBuilder sql =
        new StringBuilder("SELECT a.agent_id FROM agent a WHERE ")
            .append(IN_QUEUE)
            .append(
                " AND a.state = 'READY' AND NOT EXISTS (SELECT 1 FROM queue_entry e WHERE e.agent_id = a.agent_id)");
    if (!skip.isEmpty()) {
      sql.append(" AND NOT (a.agent_id = ANY (CAST(?2 AS text[])))");
    }
    sql.append(" ORDER BY a.state_since, a.agent_id LIMIT 1 FOR UPDATE OF a SKIP LOCKED");
    var query = em.createNativeQuery(sql.toString()).setParameter(1, queue);
    if (!skip.isEmpty()) {
      query.setParameter(2, "{" + String.join(",", skip) + "}");
    }
    return query.getResultList().stream().findFirst().map(Object::toString);
  }

  /** A fresh look, under the agent's row lock, at whether anyone holds the agent. */
  private boolean holdsAnyone(String agentId) {
    return count("SELECT count(*) FROM queue_entry WHERE agent_id = ?1", agentId) > 0;
  }

  @SuppressWarnings("unchecked")
  private Optional<QueueEntry> lockOldestWaiting(String queue, Instant now) {
    List<QueueEntry> found =
        em.createNativeQuery(
                "SELECT * FROM queue_entry WHERE queue_name = ?1 AND agent_id IS NULL AND eligible_at <= ?2"
                    + " ORDER BY queued_since, service_id LIMIT 1 FOR UPDATE SKIP LOCKED",
                QueueEntry.class)
            .setParameter(1, queue)
            .setParameter(2, Timestamp.from(now))
            .setHint("eclipselink.refresh", "true")
            .getResultList();
    return found.stream().findFirst();
  }

  private Optional<QueueEntry> lockEntry(String serviceId) {
    return lockedEntry("SELECT * FROM queue_entry WHERE service_id = ?1 FOR UPDATE", serviceId);
  }

  private Optional<QueueEntry> lockEntrySkipLocked(String serviceId) {
    return lockedEntry(
        "SELECT * FROM queue_entry WHERE service_id = ?1 FOR UPDATE SKIP LOCKED", serviceId);
  }

  @SuppressWarnings("unchecked")
  private Optional<QueueEntry> lockedEntry(String sql, String serviceId) {
    List<QueueEntry> found =
        em.createNativeQuery(sql, QueueEntry.class)
            .setParameter(1, serviceId)
            .setHint("eclipselink.refresh", "true")
            .getResultList();
    return found.stream().findFirst();
  }

  @SuppressWarnings("unchecked")
  private List<QueueEntry> entriesHeldBy(String agentId) {
    return em.createNativeQuery(
            "SELECT * FROM queue_entry WHERE agent_id = ?1 FOR UPDATE", QueueEntry.class)
        .setParameter(1, agentId)
        .setHint("eclipselink.refresh", "true")
        .getResultList();
  }

  private List<String> queuesOf(String agentId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT jsonb_array_elements_text(queues::jsonb) FROM agent WHERE agent_id = ?1")
            .setParameter(1, agentId)
            .getResultList();
    return rows.stream().map(Object::toString).toList();
  }

  private int count(String sql, String parameter) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
        .intValue();
  }

  private List<String> ids(String sql, Instant now, int limit) {
    List<?> rows =
        em.createNativeQuery(sql + " LIMIT " + limit)
            .setParameter(1, Timestamp.from(now))
            .getResultList();
    return rows.stream().map(Object::toString).toList();
  }
}
