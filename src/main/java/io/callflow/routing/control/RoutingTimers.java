package io.callflow.routing.control;

import io.callflow.routing.entity.QueueEntry;
import io.callflow.routing.entity.QueueEntryExpired;
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
import java.util.List;

/**
 * Routing's timers, kept as columns of queue_entry and fired by {@link RoutingSweep}: reservations
 * past their end, and customers who waited past their queued TTL. Each fires in a transaction of
 * its own and passes over a row another transaction holds; a late one changes nothing.
 */
@Stateless
public class RoutingTimers {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Routing routing;
  @Inject QueueEntries entries;
  @Inject QueueLines lines;
  @Inject Event<QueueEntryExpired> expiredEvents;

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
    entries
        .lockSkipLocked(serviceId)
        .filter(entry -> entry.isReserved() && !entry.reservedUntil().orElseThrow().isAfter(now))
        .ifPresent(entry -> routing.requeue(entry, "TIMEOUT", now));
  }

  /** Takes one customer who waited too long out of the queue, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void expireWait(String serviceId) {
    Instant now = clock.instant();
    entries
        .lockSkipLocked(serviceId)
        .filter(QueueEntry::isWaiting)
        .ifPresent(
            entry -> {
              lines.changing(entry.queueName());
              em.remove(entry);
              expiredEvents.fire(new QueueEntryExpired(serviceId, entry.queueName(), now));
            });
  }

  private List<String> ids(String sql, Instant now, int limit) {
    List<?> rows =
        em.createNativeQuery(sql + " LIMIT " + limit)
            .setParameter(1, Timestamp.from(now))
            .getResultList();
    return rows.stream().map(Object::toString).toList();
  }
}
