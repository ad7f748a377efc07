package io.callflow.routing.control;

import io.callflow.routing.entity.QueueEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The queue entries' locking reads, in the caller's transaction: whoever changes a queued customer
 * takes their entry's row first (the order every path keeps: entry, instance, booking).
 */
@ApplicationScoped
public class QueueEntries {

  /** A JSON array of queue names in agent.queues contains the queue. */
  static final String AGENT_IN_QUEUE =
      "a.logged_in AND a.queues::jsonb @> jsonb_build_array(CAST(?1 AS text))";

  @PersistenceContext EntityManager em;

  /** The customer's entry, locked until the caller's transaction ends. */
  public Optional<QueueEntry> lock(String serviceId) {
    return lockedEntry("SELECT * FROM queue_entry WHERE service_id = ?1 FOR UPDATE", serviceId);
  }

  /** As {@link #lock}, passing over an entry another transaction holds (for the sweeps). */
  public Optional<QueueEntry> lockSkipLocked(String serviceId) {
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

  /** The entries holding {@code agentId}, locked. */
  @SuppressWarnings("unchecked")
  public List<QueueEntry> heldBy(String agentId) {
    return em.createNativeQuery(
            "SELECT * FROM queue_entry WHERE agent_id = ?1 FOR UPDATE", QueueEntry.class)
        .setParameter(1, agentId)
        .setHint("eclipselink.refresh", "true")
        .getResultList();
  }

  /** The queues {@code agentId} is logged in to. */
  public List<String> queuesOf(String agentId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT jsonb_array_elements_text(queues::jsonb) FROM agent WHERE agent_id = ?1")
            .setParameter(1, agentId)
            .getResultList();
    return rows.stream().map(Object::toString).toList();
  }

  /** Agents logged in to a queue; {@code idle}: READY and holding nobody. */
  public record Agents(int loggedIn, int ready, int idle) {}

  /** The agents logged in to {@code queue}, counted. */
  public Agents agentsOf(String queue) {
    Object[] counts =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE a.state = 'READY'),"
                        + " count(*) FILTER (WHERE a.state = 'READY'"
                        + " AND NOT EXISTS (SELECT 1 FROM queue_entry e WHERE e.agent_id = a.agent_id))"
                        + " FROM agent a WHERE "
                        + AGENT_IN_QUEUE)
                .setParameter(1, queue)
                .getSingleResult();
    return new Agents(
        ((Number) counts[0]).intValue(),
        ((Number) counts[1]).intValue(),
        ((Number) counts[2]).intValue());
  }

  /** A count by one parameter. */
  public int count(String sql, String parameter) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
        .intValue();
  }
}
