package io.callflow.routing.control;

import io.callflow.routing.entity.Ewt;
import io.callflow.routing.entity.QueueEntry;
import io.callflow.routing.entity.QueuePosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

/**
 * A customer's position in their queue, the number waiting and the EWT: counts over the queue and
 * its agents, taken when an app asks.
 */
@ApplicationScoped
public class QueuePositions {

  @PersistenceContext EntityManager em;
  @Inject QueueEntries entries;
  @Inject HandleTimes handleTimes;

  /** Where {@code serviceId} stands, if it is in a queue. */
  public Optional<QueuePosition> positionOf(String serviceId) {
    return Optional.ofNullable(em.find(QueueEntry.class, serviceId)).map(this::of);
  }

  /** Where the customer of {@code entry} stands, and what they may expect. */
  public QueuePosition of(QueueEntry entry) {
    String queue = entry.queueName();
    int waiting =
        entries.count(
            "SELECT count(*) FROM queue_entry WHERE queue_name = ?1 AND agent_id IS NULL", queue);
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
        entries.count(
            "SELECT count(*) FROM agent a WHERE "
                + QueueEntries.AGENT_IN_QUEUE
                + " AND a.state <> 'LOGOUT'",
            queue);
    int idle =
        entries.count(
            "SELECT count(*) FROM agent a WHERE "
                + QueueEntries.AGENT_IN_QUEUE
                + " AND a.state = 'READY'"
                + " AND NOT EXISTS (SELECT 1 FROM queue_entry e WHERE e.agent_id = a.agent_id)",
            queue);
    return new QueuePosition(
        ahead + 1,
        waiting,
        Ewt.estimate(ahead + 1, loggedIn, Math.min(idle, loggedIn), handleTimes.of(queue)),
        Optional.empty());
  }
}
