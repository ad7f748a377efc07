package io.callflow.access.control;

import io.callflow.access.entity.AccessCodeFormat;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.BookingRequest;
import io.callflow.access.entity.Choice;
import io.callflow.access.entity.PoolSettings;
import io.callflow.platform.domain.Ids;
import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.persistence.Sql;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out access numbers (and codes) in the caller's transaction. Allocations run side by side
 * ({@link LockType#READ}); the database decides who gets which number, in one JVM as across
 * several: a locking pool's free number is taken with {@code FOR UPDATE SKIP LOCKED} through an
 * index (a number another transaction is taking is passed over, never waited for), and the partial
 * unique index on live bookings by number (a locking booking's key is its number alone) is the last
 * line of defence, met with {@code ON CONFLICT DO NOTHING} on that index alone (so that a clash
 * never aborts the request's transaction; checking every unique index first cost the insert seven
 * times the pages). A shared pool's codes stay unique per number through the same index (its key is
 * the number and the code).
 *
 * <p>A pool's settings come from the {@link PoolCatalogue}, a snapshot swapped whole, so no
 * allocation waits for a refresh. Nothing here takes {@link LockType#WRITE}: a waiting write lock
 * holds back every new reader, and callers that already hold a database connection (a match, a
 * dispatch) would wait behind allocations that wait for a connection, until the pool's wait time
 * ran out. ROUND_ROBIN order is kept per pool in this server instance, in a concurrent map.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@Lock(LockType.READ)
public class AccessNumberAllocator {

  private static final int CODE_ATTEMPTS = 32;

  /** Numbers tried when a free flag turns out wrong (a live booking found on the number). */
  private static final int NUMBER_ATTEMPTS = 8;

  @Inject Sql sql;
  @Inject Clock clock;
  @Inject AccessCodeFormat codeFormat;
  @Inject BookingEvents events;
  @Inject Bookings bookings;
  @Inject AccessMetrics metrics;
  @Inject PoolCatalogue catalogue;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> roundRobinCursors = new ConcurrentHashMap<>();

  /** A booking, or {@link PoolExhausted} (which rolls the caller's transaction back). */
  public Booking allocate(BookingRequest request) {
    return tryAllocate(request).orElseThrow(() -> exhaustion(request.pool()));
  }

  /** A booking, or nothing when the pool has no free number; the transaction stays usable. */
  public Optional<Booking> tryAllocate(BookingRequest request) {
    PoolSettings pool =
        catalogue
            .known(request.pool())
            .orElseThrow(
                () ->
                    request.poolNamedByRequest()
                        ? new ParameterInvalid("_resource_group", "no pool named " + request.pool())
                        : new PoolMissing(request.pool()));
    if (request.provideCode()) {
      codeFormat
          .problemWithLength(request.accessCodeLength())
          .ifPresent(
              problem -> {
                throw new ParameterInvalid("_access_code_length", problem);
              });
    }
    Optional<Booking> booking = book(pool, request);
    if (booking.isEmpty() && pool.isLocking()) {
      // the expiry sweep may not have reached this pool's overdue bookings yet
      if (bookings.expireOverdueIn(pool.name(), clock.instant().truncatedTo(ChronoUnit.MILLIS))
          > 0) {
        booking = book(pool, request);
      }
    }
    if (booking.isEmpty()) {
      metrics.exhausted(pool.name());
      return booking;
    }
    events.booked(booking.get());
    metrics.booked(pool.name());
    return booking;
  }

  /**
   * The answer to an allocation that found the pool exhausted: 503 with Retry-After until the
   * pool's next booking expires. Returned, not thrown, so the caller decides whether its
   * transaction ends.
   */
  public PoolExhausted exhaustion(String pool) {
    return new PoolExhausted(
        pool, bookings.untilNextExpiry(pool, clock.instant()).orElse(Duration.ofSeconds(1)));
  }

  /** Forgets the round-robin places of pools that no longer exist. */
  public void forgetCursorsOutside(Set<String> pools) {
    roundRobinCursors.keySet().retainAll(pools);
  }

  private Optional<Booking> book(PoolSettings pool, BookingRequest request) {
    Duration timeout = request.timeout().orElse(pool.bookingTimeout());
    for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      Optional<Taken> taken =
          pool.isLocking()
              ? takeAndBook(pool, request, timeout)
              : pickShared(pool).map(n -> new Taken(n, bookOn(pool, n, request, timeout)));
      if (taken.isEmpty()) {
        return Optional.empty();
      }
      if (taken.get().booking().isPresent()) {
        if (pool.choice() == Choice.ROUND_ROBIN) {
          roundRobinCursors.put(pool.name(), taken.get().number());
        }
        return taken.get().booking();
      }
    }
    return Optional.empty();
  }

  /** A number taken (or picked), and the booking made on it unless one was live there already. */
  private record Taken(String number, Optional<Booking> booking) {}

  /**
   * Takes a free number of a locking pool and books it, in one statement: one index probe for the
   * first free number at or after a random point (after the cursor for ROUND_ROBIN), wrapping
   * around to the start; numbers other transactions are taking or releasing are skipped, never
   * waited for. A number whose free flag was wrong (a live booking found on it) stays taken and
   * answers no booking. The booking starts when the number was freed if that is later than now: the
   * booking before it ended by then, so the two never overlap in time, not even by the moments
   * between reading the clock here and the statement seeing the number free.
   */
  private Optional<Taken> takeAndBook(PoolSettings pool, BookingRequest request, Duration timeout) {
    String id = Ids.internal();
    String code =
        request.provideCode() ? codeFormat.generate(request.accessCodeLength(), random) : null;
    String statement =
        "WITH taken AS (UPDATE access_number SET free = false WHERE number ="
            + " (SELECT number FROM access_number WHERE pool_name = ? AND free AND %s ORDER BY "
            + orderOf(pool)
            + " LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING number, GREATEST(CAST(? AS timestamptz), freed_at) AS booked_at),"
            + " booked AS (INSERT INTO booking (id, number, pool_name, locking, service_id,"
            + " phone_number, access_code, booked_at, expires_at) SELECT ?, number, ?, true, ?, ?,"
            + " ?, booked_at, booked_at + ? * interval '1 millisecond' FROM taken"
            + " ON CONFLICT (number, (CASE WHEN locking THEN '' ELSE access_code END))"
            + " WHERE active AND number IS NOT NULL DO NOTHING RETURNING id)"
            + " SELECT number, booked_at, (SELECT count(*) FROM booked) FROM taken";
    Sql.Row<Taken> read =
        row ->
            new Taken(
                row.getString(1),
                row.getLong(3) == 0
                    ? Optional.empty()
                    : Optional.of(
                        new Booking(
                            id,
                            pool,
                            row.getString(1),
                            request.serviceId(),
                            request.phoneNumber().orElse(null),
                            code,
                            Sql.instant(row, "booked_at"),
                            timeout)));
    List<Object> booking =
        Arrays.asList(
            bookedAt(),
            id,
            pool.name(),
            request.serviceId(),
            request.phoneNumber().orElse(null),
            code,
            timeout.toMillis());
    return fromStartPoint(pool, statement, read, booking);
  }

  /**
   * Runs {@code statement} (its {@code %s} the condition on the start point) from a random point of
   * the pool (after the cursor for ROUND_ROBIN), then from its start if nothing was found after the
   * point. Its parameters: the pool's name, the start point, then {@code parameters}.
   */
  private <T> Optional<T> fromStartPoint(
      PoolSettings pool, String statement, Sql.Row<T> read, List<Object> parameters) {
    boolean inOrder = pool.choice() == Choice.ROUND_ROBIN;
    Object start = inOrder ? roundRobinCursors.getOrDefault(pool.name(), "") : random.nextDouble();
    List<Object> fromPoint = new ArrayList<>(List.of(pool.name(), start));
    fromPoint.addAll(parameters);
    return sql.first(
            statement.formatted(orderOf(pool) + (inOrder ? " > ?" : " >= ?")),
            read,
            fromPoint.toArray())
        .or(
            () -> {
              // rarely needed (the point lay past the last free number): built only then
              List<Object> fromStart = new ArrayList<>(List.of(pool.name()));
              fromStart.addAll(parameters);
              return sql.first(statement.formatted("true"), read, fromStart.toArray());
            });
  }

  /**
   * Picks a number of a shared pool, preferring one no other allocation is on right now; its random
   * position is drawn again so that the next pick lands elsewhere.
   */
  private Optional<String> pickShared(PoolSettings pool) {
    return fromStartPoint(
            pool,
            "UPDATE access_number SET shuffle_key = random() WHERE number = (SELECT number FROM"
                + " access_number WHERE pool_name = ? AND %s ORDER BY "
                + orderOf(pool)
                + " LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING number",
            row -> row.getString(1),
            List.of())
        // every number is being handed out right now: share one without waiting for it
        .or(
            () ->
                sql.first(
                    "SELECT number FROM access_number WHERE pool_name = ? ORDER BY "
                        + orderOf(pool)
                        + " LIMIT 1",
                    row -> row.getString(1),
                    pool.name()));
  }

  private static String orderOf(PoolSettings pool) {
    return pool.choice() == Choice.ROUND_ROBIN ? "number" : "shuffle_key";
  }

  /** Books a shared pool's number; empty when no code could be found that is not live on it. */
  private Optional<Booking> bookOn(
      PoolSettings pool, String number, BookingRequest request, Duration timeout) {
    int codeAttempts =
        request.provideCode()
            ? (int) Math.min(CODE_ATTEMPTS, codeFormat.capacity(request.accessCodeLength()))
            : 1;
    for (int attempt = 0; attempt < codeAttempts; attempt++) {
      String code =
          request.provideCode() ? codeFormat.generate(request.accessCodeLength(), random) : null;
      Booking booking =
          new Booking(
              Ids.internal(),
              pool,
              number,
              request.serviceId(),
              request.phoneNumber().orElse(null),
              code,
              bookedAt(),
              timeout);
      if (insert(booking)) {
        return Optional.of(booking);
      }
    }
    return Optional.empty();
  }

  private boolean insert(Booking booking) {
    return sql.update(
            "INSERT INTO booking (id, number, pool_name, locking, service_id, phone_number,"
                + " access_code, booked_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            booking.id(),
            booking.number(),
            booking.poolName(),
            booking.isLocking(),
            booking.serviceId(),
            booking.phoneNumber().orElse(null),
            booking.accessCode().orElse(null),
            booking.bookedAt(),
            booking.expiresAt())
        == 1;
  }

  private Instant bookedAt() {
    return Booking.startNoEarlierThan(clock.instant());
  }
}
