package io.callflow.routing.control;

import io.callflow.routing.entity.Ewt;
import io.callflow.routing.entity.QueueEntry;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.routing.entity.WaitingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

/**
 * A customer's position in their queue, the number waiting and the EWT, taken when an app asks: the
 * position from the queue's {@link QueueLines line}, the agents counted.
 */
@ApplicationScoped
public class QueuePositions {

  @PersistenceContext EntityManager em;
  @Inject QueueLines lines;
  @Inject QueueEntries entries;
  @Inject HandleTimes handleTimes;

  /** Where {@code serviceId} stands, if it is in a queue. */
  public Optional<QueuePosition> positionOf(String serviceId) {
    return Optional.ofNullable(em.find(QueueEntry.class, serviceId)).map(this::of);
  }

  /** Where the customer of {@code entry} stands, and what they may expect. */
  public QueuePosition of(QueueEntry entry) {
    String queue = entry.queueName();
    WaitingLine.Standing standing =
        lines.of(queue).map(line -> line.standingOf(entry)).orElseGet(() -> counted(entry));
    if (!entry.isWaiting()) {
      return new QueuePosition(
          0, standing.waiting(), Ewt.estimate(1, 1, 1, Duration.ZERO), entry.agentId());
    }
    QueueEntries.Agents agents = entries.agentsOf(queue);
    int position = standing.ahead() + 1;
    return new QueuePosition(
        position,
        standing.waiting(),
        Ewt.estimate(
            position,
            agents.loggedIn(),
            Math.min(agents.idle(), agents.loggedIn()),
            handleTimes.of(queue)),
        Optional.empty());
  }

  /**
   * Counted in the caller's transaction, which changed the queue: its own change counts, and no
   * other request may share what it reads.
   */
  private WaitingLine.Standing counted(QueueEntry entry) {
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE (queued_since, service_id) < (?2, ?3)), count(*)"
                        + " FROM queue_entry WHERE queue_name = ?1 AND agent_id IS NULL")
                .setParameter(1, entry.queueName())
                .setParameter(2, Timestamp.from(entry.queuedSince()))
                .setParameter(3, entry.serviceId())
                .getSingleResult();
    return new WaitingLine.Standing(
        ((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
  }
}
