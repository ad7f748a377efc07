package io.callflow.routing.control;

import io.callflow.routing.entity.DispatchedWait;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A queue's recent dispatches, EWT predicted at queueing against the wait it was, for the console's
 * chart: read from {@code queue_wait}, which the dispatcher completes on each first reservation (by
 * its queue and dispatch time index), never more than {@link #MAX} of them.
 */
@Stateless
public class QueueWaits {

  /** The chart shows the last hour. */
  public static final Duration WINDOW = Duration.ofHours(1);

  static final int MAX = 500;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The last hour's first dispatches from {@code queue}, oldest first. */
  public List<DispatchedWait> lastHour(String queue) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT dispatched_at, predicted_seconds, actual_seconds FROM ("
                    + "SELECT dispatched_at, predicted_seconds, actual_seconds FROM queue_wait"
                    + " WHERE queue_name = ?1 AND dispatched_at >= ?2"
                    + " ORDER BY dispatched_at DESC LIMIT "
                    + MAX
                    + ") recent ORDER BY dispatched_at")
            .setParameter(1, queue)
            .setParameter(2, Timestamp.from(clock.instant().minus(WINDOW)))
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new DispatchedWait(
                    ((Timestamp) row[0]).toInstant(),
                    ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()))
        .toList();
  }
}
