package io.callflow.access.control;

import io.callflow.access.entity.Booking;
import io.callflow.access.entity.Booking.EndReason;
import io.callflow.platform.persistence.CommitWrites;
import io.callflow.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and ends bookings. Every end is announced through {@link BookingEvents}. The match reads
 * the bookings it locks with {@link #read} and ends one with {@link #endLocked}, in the caller's
 * transaction without an interceptor of their own; the others join or start one.
 */
@ApplicationScoped
public class Bookings {

  // the statements below are checked to reach their index on a generic plan (BookingPlansIT).
  // Every part of a statement sees the rows as they were before it: the booking being ended still
  // looks active to the NOT EXISTS, hence the id <> ?
  private static final String END_ROW =
      "UPDATE booking SET active = false, ended_at = ?, end_reason = ?, version = version + 1"
          + " WHERE id = ? AND active RETURNING number";
  private static final String FREE_NUMBER =
      "UPDATE access_number n SET free = true, shuffle_key = random(), freed_at = ?"
          + " WHERE n.number IN (SELECT number FROM ended) AND NOT n.free AND NOT EXISTS"
          + " (SELECT 1 FROM booking b WHERE b.number = n.number AND b.active AND b.id <> ?)";
  static final String END =
      "WITH ended AS ("
          + END_ROW
          + "), freed AS ("
          + FREE_NUMBER
          + " RETURNING 1)"
          + " SELECT count(*) FROM ended";
  static final String END_AT_COMMIT = "WITH ended AS (" + END_ROW + ") " + FREE_NUMBER;
  static final String LIVE_OF_INSTANCE =
      "SELECT * FROM booking WHERE service_id = ? AND active FOR UPDATE";
  static final String LIVE_BY_ID =
      "SELECT * FROM booking WHERE id = ? AND active FOR UPDATE SKIP LOCKED";
  static final String OVERDUE_IN_POOL =
      "SELECT * FROM booking WHERE pool_name = ? AND active AND expires_at <= ?"
          + " FOR UPDATE SKIP LOCKED";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject BookingEvents events;
  @Inject Sql sql;
  @Inject CommitWrites commitWrites;

  /** The live booking an instance holds, if any. */
  @Transactional
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
   * Ends a booking in the caller's transaction and, once no live booking holds its number, marks
   * the number free (the allocator takes free numbers only) with a new random position and the
   * moment it was freed, which the next booking on it cannot start before: one statement. The row
   * decides: a booking another transaction ended first is not ended twice. The booking was read
   * from its row ({@link #locked}), never through the persistence context, which could otherwise
   * write a stale copy back.
   */
  private void end(Booking booking, EndReason reason) {
    Instant now = clock.instant();
    if (endRow(booking, reason, now) && booking.end(reason, now)) {
      events.ended(booking, now);
    }
  }

  /**
   * Ends a booking whose row the caller's transaction has locked (and read: {@link #read}), as the
   * cancel and the expiry do, but writes the end as the transaction commits, in the round trip of
   * its other rows written then ({@link CommitWrites}): under the lock nothing else can end the
   * booking, so the outcome is known now. Until the commit, this transaction's reads still find the
   * booking live and its number taken.
   */
  public void endLocked(Booking booking, EndReason reason) {
    Instant now = clock.instant();
    if (booking.end(reason, now)) {
      commitWrites.add(
          EndedBookings.class,
          EndedBookings::new,
          ended ->
              ended.statements.add(
                  new Sql.Statement(END_AT_COMMIT, endParameters(booking, reason, now))));
      events.ended(booking, now);
    }
  }

  private boolean endRow(Booking booking, EndReason reason, Instant now) {
    return sql.first(END, row -> row.getLong(1), endParameters(booking, reason, now)).orElse(0L)
        > 0;
  }

  private static Object[] endParameters(Booking booking, EndReason reason, Instant now) {
    return new Object[] {
      now, reason.name(), booking.id(), Booking.startNoEarlierThan(now), booking.id()
    };
  }

  /** The bookings a transaction ended under its row locks, written as it commits. */
  private static final class EndedBookings implements CommitWrites.Rows {
    final List<Sql.Statement> statements = new ArrayList<>(1);

    @Override
    public List<Sql.Statement> drain() {
      List<Sql.Statement> drained = List.copyOf(statements);
      statements.clear();
      return drained;
    }
  }

  /** Ends every active booking of an instance (cancel); waits for an expiry in progress on them. */
  @Transactional
  public void endAllFor(String serviceId, EndReason reason) {
    locked(LIVE_OF_INSTANCE, serviceId).forEach(b -> end(b, reason));
  }

  /** Expires one booking in a transaction of its own, if it is still active and overdue. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void expire(String bookingId) {
    Instant now = clock.instant();
    locked(LIVE_BY_ID, bookingId).stream()
        .filter(b -> b.isOverdueAt(now))
        .forEach(b -> end(b, EndReason.EXPIRED));
  }

  /** Live bookings / numbers of a pool, 0 for a pool without numbers. */
  @Transactional
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
  @Transactional
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
  @Transactional
  public int expireOverdueIn(String pool, Instant now) {
    List<Booking> overdue =
        locked(OVERDUE_IN_POOL, pool, now).stream().filter(b -> b.isOverdueAt(now)).toList();
    overdue.forEach(b -> end(b, EndReason.EXPIRED));
    return overdue.size();
  }

  /**
   * Active bookings read with a row lock, straight from their rows: no persistence context holds
   * them, so none can write a stale copy back.
   */
  private List<Booking> locked(String query, Object... parameters) {
    return sql.list(query, Bookings::read, parameters);
  }

  /**
   * A booking read from its row ({@code booking}'s columns under their own names), for a read that
   * locks it: {@link #endLocked} may end it.
   */
  public static Booking read(ResultSet row) throws SQLException {
    return Booking.live(
        row.getString("id"),
        row.getString("number"),
        row.getString("pool_name"),
        row.getBoolean("locking"),
        row.getString("service_id"),
        row.getString("phone_number"),
        row.getString("access_code"),
        Sql.instant(row, "booked_at"),
        Sql.instant(row, "expires_at"),
        row.getLong("version"));
  }

  @Transactional
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
