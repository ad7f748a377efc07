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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out access numbers (and codes) in the caller's transaction. Allocations run side by side
 * ({@link LockType#READ}); the database decides who gets which number, in one JVM as across
 * several: a locking pool's free number is taken with {@code FOR UPDATE SKIP LOCKED} through an
 * index (a number another transaction is taking is passed over, never waited for), and the partial
 * unique index on live locking bookings is the last line of defence, met with {@code ON CONFLICT DO
 * NOTHING} so that a clash never aborts the request's transaction. A shared pool's codes stay
 * unique per number through the same kind of index.
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
      Optional<String> number = pool.isLocking() ? takeFree(pool) : pickShared(pool);
      if (number.isEmpty()) {
        return Optional.empty();
      }
      Optional<Booking> booking = bookOn(pool, number.get(), request, timeout);
      if (booking.isPresent()) {
        if (pool.choice() == Choice.ROUND_ROBIN) {
          roundRobinCursors.put(pool.name(), number.get());
        }
        return booking;
      }
    }
    return Optional.empty();
  }

  /**
   * Takes a free number of a locking pool: marks it not free, skipping numbers other transactions
   * are taking or releasing. One index probe, whatever the pool's size.
   */
  private Optional<String> takeFree(PoolSettings pool) {
    return takeNext(pool, "free = false", "free");
  }

  /**
   * Picks a number of a shared pool, preferring one no other allocation is on right now; its random
   * position is drawn again so that the next pick lands elsewhere.
   */
  private Optional<String> pickShared(PoolSettings pool) {
    return takeNext(pool, "shuffle_key = random()", "true")
        // every number is being handed out right now: share one without waiting for it
        .or(
            () ->
                firstOf(
                    "SELECT number FROM access_number WHERE pool_name = ? ORDER BY "
                        + orderOf(pool)
                        + " LIMIT 1",
                    pool.name(),
                    null));
  }

  /**
   * Updates ({@code change}) and answers the pool's first number meeting {@code condition} at or
   * after a random point (after the cursor for ROUND_ROBIN), wrapping around to the start; numbers
   * other transactions hold are skipped, never waited for.
   */
  private Optional<String> takeNext(PoolSettings pool, String change, String condition) {
    boolean inOrder = pool.choice() == Choice.ROUND_ROBIN;
    Object start = inOrder ? roundRobinCursors.getOrDefault(pool.name(), "") : random.nextDouble();
    String from = orderOf(pool) + (inOrder ? " > ?" : " >= ?");
    String statement =
        "UPDATE access_number SET "
            + change
            + " WHERE number = (SELECT number FROM access_number WHERE pool_name = ? AND "
            + condition
            + " AND %s ORDER BY "
            + orderOf(pool)
            + " LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING number";
    return firstOf(statement.formatted(from), pool.name(), start)
        .or(() -> firstOf(statement.formatted("true"), pool.name(), null));
  }

  private static String orderOf(PoolSettings pool) {
    return pool.choice() == Choice.ROUND_ROBIN ? "number" : "shuffle_key";
  }

  /**
   * Inserts the booking on the number; empty when the number turned out to hold a live booking (a
   * locking pool) or no code could be found that is not live on it (a shared pool).
   */
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
      if (pool.isLocking()) {
        return Optional.empty(); // a live booking holds the number: its free flag was wrong
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

  private Optional<String> firstOf(String query, String pool, Object start) {
    return start == null
        ? sql.first(query, row -> row.getString(1), pool)
        : sql.first(query, row -> row.getString(1), pool, start);
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
}
