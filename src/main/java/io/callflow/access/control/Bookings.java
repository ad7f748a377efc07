package io.callflow.access.control;

import io.callflow.access.entity.Booking;
import io.callflow.access.entity.Booking.EndReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and ends bookings. Every end is announced through {@link BookingEvents}. */
@ApplicationScoped
@Transactional
public class Bookings {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject BookingEvents events;

  /** The live booking an instance holds, if any. */
  public Optional<Booking> liveFor(String serviceId) {
    Instant now = clock.instant();
    return em
        .createQuery(
            "SELECT b FROM Booking b WHERE b.serviceId = :service AND b.active = true ORDER BY b.bookedAt DESC",
            Booking.class)
        .setParameter("service", serviceId)
        .getResultList()
        .stream()
        .filter(b -> b.isLiveAt(now))
        .findFirst();
  }

  /**
   * The live bookings on a number, their rows locked so that two calls cannot match one booking.
   */
  public List<Booking> liveOnForUpdate(String number) {
    Instant now = clock.instant();
    return locked(
            "SELECT * FROM booking WHERE number = ?1 AND active ORDER BY booked_at FOR UPDATE",
            number)
        .stream()
        .filter(b -> b.isLiveAt(now))
        .toList();
  }

  /** Ends a booking in the caller's transaction. */
  public void end(Booking booking, EndReason reason) {
    Instant now = clock.instant();
    Booking managed = em.contains(booking) ? booking : em.find(Booking.class, booking.id());
    if (managed != null && managed.end(reason, now)) {
      freeNumberOf(managed);
      events.ended(managed, now);
    }
  }

  /**
   * Marks the booking's number free once no live booking holds it (the allocator takes free numbers
   * only), and draws its random position anew.
   */
  private void freeNumberOf(Booking ended) {
    em.flush();
    em.createNativeQuery(
            "UPDATE access_number SET free = true, shuffle_key = random() WHERE number = ?1 AND NOT"
                + " free AND NOT EXISTS (SELECT 1 FROM booking WHERE number = ?1 AND active)")
        .setParameter(1, ended.number())
        .executeUpdate();
  }

  /** Ends every active booking of an instance (cancel); waits for an expiry in progress on them. */
  public void endAllFor(String serviceId, EndReason reason) {
    locked("SELECT * FROM booking WHERE service_id = ?1 AND active FOR UPDATE", serviceId)
        .forEach(b -> end(b, reason));
  }

  /** Expires one booking in a transaction of its own, if it is still active and overdue. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void expire(String bookingId) {
    Instant now = clock.instant();
    locked("SELECT * FROM booking WHERE id = ?1 AND active FOR UPDATE SKIP LOCKED", bookingId)
        .stream()
        .filter(b -> b.isOverdueAt(now))
        .forEach(b -> end(b, EndReason.EXPIRED));
  }

  /** Live bookings / numbers of a pool, 0 for a pool without numbers. */
  public double utilisation(String pool) {
    long numbers =
        em.createQuery("SELECT COUNT(n) FROM AccessNumber n WHERE n.poolName = :pool", Long.class)
            .setParameter("pool", pool)
            .getSingleResult();
    if (numbers == 0) {
      return 0;
    }
    long live =
        em.createQuery(
                "SELECT COUNT(b) FROM Booking b WHERE b.poolName = :pool AND b.active = true AND b.expiresAt > :now",
                Long.class)
            .setParameter("pool", pool)
            .setParameter("now", clock.instant())
            .getSingleResult();
    return (double) live / numbers;
  }

  /** Ids of overdue bookings, oldest first, for the expiry sweep. */
  public List<String> overdue(Instant now, int limit) {
    return em.createQuery(
            "SELECT b.id FROM Booking b WHERE b.active = true AND b.expiresAt <= :now ORDER BY b.expiresAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Expires a pool's overdue bookings in the caller's transaction, so their numbers are free now;
   * answers how many it ended. Rows the expiry sweep holds are skipped (it is ending them anyway);
   * rows are locked, so the two never end one booking twice.
   */
  public int expireOverdueIn(String pool, Instant now) {
    List<Booking> overdue =
        locked(
                "SELECT * FROM booking WHERE pool_name = ?1 AND active AND expires_at <= ?2"
                    + " FOR UPDATE SKIP LOCKED",
                pool,
                java.sql.Timestamp.from(now))
            .stream()
            .filter(b -> b.isOverdueAt(now))
            .toList();
    overdue.forEach(b -> end(b, EndReason.EXPIRED));
    return overdue.size();
  }

  /** Bookings read with a row lock, refreshed so a stale copy never overwrites a newer version. */
  @SuppressWarnings("unchecked")
  private List<Booking> locked(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql, Booking.class).setHint("eclipselink.refresh", "true");
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }

  public Optional<Duration> untilNextExpiry(String pool, Instant now) {
    List<Instant> next =
        em.createQuery(
                "SELECT MIN(b.expiresAt) FROM Booking b WHERE b.poolName = :pool AND b.active = true",
                Instant.class)
            .setParameter("pool", pool)
            .getResultList();
    return next.stream().filter(at -> at != null).findFirst().map(at -> Duration.between(now, at));
  }
}
