package io.callflow.routing.control;

import io.callflow.routing.entity.AgentReserved;
import io.callflow.routing.entity.QueueEntry;
import io.callflow.routing.entity.QueueWait;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Pairs a queue's idle agents (READY, logged in to the queue, holding nobody; longest idle first)
 * with its oldest waiting customers, in the caller's transaction. Rows are taken with {@code SKIP
 * LOCKED}, so several dispatchers (threads or servers) pair different agents with different
 * customers; the unique index on the reserved agent is the last line of defence against holding one
 * agent twice.
 */
@Stateless
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject QueueEntries entries;
  @Inject RoutingMetrics metrics;
  @Inject QueueLines lines;
  @Inject Event<AgentReserved> reservedEvents;

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
    lines.changing(entry.queueName());
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

  private Optional<String> lockIdleAgent(String queue, List<String> skip) {
    StringBuilder sql =
        new StringBuilder("SELECT a.agent_id FROM agent a WHERE ")
            .append(QueueEntries.AGENT_IN_QUEUE)
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
    return entries.count("SELECT count(*) FROM queue_entry WHERE agent_id = ?1", agentId) > 0;
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
}
