package io.callflow.access.control;

import io.callflow.access.entity.AccessCodeFormat;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.BookingRequest;
import io.callflow.access.entity.Choice;
import io.callflow.access.entity.Pool;
import io.callflow.platform.rest.ProblemException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Hands out access numbers (and codes), each allocation in a transaction of its own. The database
 * decides who gets what, in one JVM as across several: the pool's row is locked ({@code FOR
 * UPDATE}) so allocations from one pool take turns, the chosen number's row is locked, its live
 * bookings are re-read under that lock, and a partial unique index refuses a second live booking on
 * a locked number as the last line of defence. No lock of this JVM is held besides: an allocation
 * whose commit is held up (the transaction manager retries a broker that went away mid-commit)
 * holds up nobody else.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccessNumberAllocator {

  private static final int CODE_ATTEMPTS = 32;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject AccessCodeFormat codeFormat;
  @Inject BookingEvents events;
  @Inject Bookings bookings;
  @Inject AccessMetrics metrics;

  private final SecureRandom random = new SecureRandom();

  public Booking allocate(BookingRequest request) {
    Pool pool = em.find(Pool.class, request.pool(), LockModeType.PESSIMISTIC_WRITE);
    if (pool == null) {
      throw ProblemException.badParameter("_resource_group", "no pool named " + request.pool());
    }
    if (request.provideCode()) {
      codeFormat
          .problemWithLength(request.accessCodeLength())
          .ifPresent(
              problem -> {
                throw ProblemException.badParameter("_access_code_length", problem);
              });
    }
    // the database keeps microseconds; millisecond instants read back exactly as they were answered
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    bookings.expireOverdueIn(pool.name(), now);
    List<String> numbers = candidates(pool);
    if (numbers.isEmpty()) {
      // every number is booked: free again when the first booking ends; a pool without numbers in a
      // minute
      throw new PoolExhausted(
          pool.name(), bookings.untilNextExpiry(pool.name(), now).orElse(Duration.ofSeconds(60)));
    }
    Duration timeout = request.timeout().orElse(pool.bookingTimeout());
    for (String number : numbers) {
      if (!lockNumber(number, pool.isLocking())) {
        continue; // another server instance is booking it right now
      }
      if (pool.isLocking() && bookings.hasActiveBooking(number)) {
        continue;
      }
      String code = null;
      if (request.provideCode()) {
        code = freshCode(request.accessCodeLength(), new HashSet<>(bookings.activeCodesOn(number)));
        if (code == null) {
          continue; // this number's code space is full
        }
      }
      Booking booking =
          new Booking(
              UUID.randomUUID().toString(),
              pool,
              number,
              request.serviceId(),
              request.phoneNumber().orElse(null),
              code,
              bookedAt(),
              timeout);
      em.persist(booking);
      if (pool.choice() == Choice.ROUND_ROBIN) {
        pool.handedOut(number);
      }
      em.flush();
      events.booked(booking);
      metrics.booked(pool.name());
      return booking;
    }
    metrics.exhausted(pool.name());
    throw new PoolExhausted(
        pool.name(), bookings.untilNextExpiry(pool.name(), now).orElse(Duration.ofSeconds(1)));
  }

  /**
   * The booking's start, read only now that the number was seen free: the booking it follows ended
   * (and committed) before that, so the two never overlap in time, not even by the time it took to
   * get here. Rounded up to the millisecond, which the answer's expiry is given in.
   */
  private Instant bookedAt() {
    Instant exact = clock.instant();
    Instant millis = exact.truncatedTo(ChronoUnit.MILLIS);
    return millis.isBefore(exact) ? millis.plusMillis(1) : millis;
  }

  /** The pool's numbers in the order to try: free ones only for locking pools. */
  private List<String> candidates(Pool pool) {
    List<String> numbers =
        new ArrayList<>(
            em.createQuery(
                    "SELECT n.number FROM AccessNumber n WHERE n.poolName = :pool"
                        + (pool.isLocking()
                            ? " AND NOT EXISTS (SELECT b FROM Booking b WHERE b.number = n.number AND b.active = true)"
                            : "")
                        + " ORDER BY n.number",
                    String.class)
                .setParameter("pool", pool.name())
                .getResultList());
    if (pool.choice() == Choice.RANDOM) {
      Collections.shuffle(numbers, random);
      return numbers;
    }
    return pool.inRoundRobinOrder(numbers);
  }

  /** Locks the number's row; for a locking pool a row another transaction holds is skipped. */
  private boolean lockNumber(String number, boolean skipLocked) {
    return !em.createNativeQuery(
            "SELECT number FROM access_number WHERE number = ?1 FOR UPDATE"
                + (skipLocked ? " SKIP LOCKED" : ""))
        .setParameter(1, number)
        .getResultList()
        .isEmpty();
  }

  private String freshCode(int length, Set<String> taken) {
    if (taken.size() >= codeFormat.capacity(length)) {
      return null;
    }
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      String code = codeFormat.generate(length, random);
      if (!taken.contains(code)) {
        return code;
      }
    }
    return null;
  }
}
