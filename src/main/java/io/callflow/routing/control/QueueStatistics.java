package io.callflow.routing.control;

import io.callflow.routing.entity.HandleTime;
import io.callflow.routing.entity.QueueFigures;
import io.callflow.routing.entity.VirtualQueue;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Figures of one queue for operators: its load, its agents and its EWT's accuracy. */
@Stateless
public class QueueStatistics {

  @PersistenceContext EntityManager em;
  @Inject QueueEntries queueEntries;

  public QueueFigures of(String queue) {
    Object[] entries =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE agent_id IS NULL),"
                        + " count(*) FILTER (WHERE agent_id IS NOT NULL AND engaged_at IS NULL),"
                        + " count(*) FILTER (WHERE engaged_at IS NOT NULL)"
                        + " FROM queue_entry WHERE queue_name = ?1")
                .setParameter(1, queue)
                .getSingleResult();
    QueueEntries.Agents agents = queueEntries.agentsOf(queue);
    Object[] waits =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), coalesce(avg(predicted_seconds), 0), coalesce(avg(actual_seconds), 0),"
                        + " coalesce(avg(abs(predicted_seconds - actual_seconds)), 0)"
                        + " FROM queue_wait WHERE queue_name = ?1 AND actual_seconds IS NOT NULL")
                .setParameter(1, queue)
                .getSingleResult();
    VirtualQueue configured = em.find(VirtualQueue.class, queue);
    HandleTime handleTime =
        configured == null
            ? HandleTime.startingAt(HandleTimes.DEFAULT)
            : configured.handleTime(HandleTimes.DEFAULT);
    return new QueueFigures(
        integer(entries[0]),
        integer(entries[1]),
        integer(entries[2]),
        agents.loggedIn(),
        agents.ready(),
        agents.idle(),
        handleTime,
        ((Number) waits[0]).longValue(),
        decimal(waits[1]),
        decimal(waits[2]),
        decimal(waits[3]));
  }

  private static int integer(Object value) {
    return ((Number) value).intValue();
  }

  private static double decimal(Object value) {
    return ((Number) value).doubleValue();
  }
}
