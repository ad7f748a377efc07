package io.callflow.callback.control;

import io.callflow.callback.entity.CallbackSettings;
import io.callflow.callback.entity.CallbackSlot;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Office hours and capacity of a callback service: each time bucket (5 minutes by default) takes a
 * number of live callbacks (100), counted at the time each customer wants the call (or, for
 * immediate ones, was created).
 */
@Stateless
public class CallbackCapacity {

  /** Slots as GMS clients parse them: ISO-8601 UTC with milliseconds. */
  public static final DateTimeFormatter SLOT = CallbackSlot.FORMAT;

  private static final String LIVE =
      "service_name = ?1 AND state NOT IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED')";

  @PersistenceContext EntityManager em;

  /** The start of the bucket {@code at} falls in. */
  public static Instant bucketOf(Instant at, Duration bucket) {
    long seconds = bucket.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
  }

  /** Free places in the bucket of {@code at}; 0 when the office is closed then. */
  public int freeAt(String service, CallbackSettings settings, Instant at) {
    Instant bucket = bucketOf(at, settings.bucket());
    if (!settings.officeHours().isOpenAt(at)) {
      return 0;
    }
    return Math.max(
        0,
        settings.capacityPerBucket()
            - taken(service, settings, bucket, bucket.plus(settings.bucket()))
                .getOrDefault(bucket, 0));
  }

  /**
   * Open slots from {@code start} (rounded up to a bucket) until {@code end}, at most {@code
   * maxSlots}, each with its free places.
   */
  public List<CallbackSlot> availability(
      String service, CallbackSettings settings, Instant start, Instant end, int maxSlots) {
    Duration bucket = settings.bucket();
    Instant first = bucketOf(start, bucket);
    if (first.isBefore(start)) {
      first = first.plus(bucket);
    }
    Map<Instant, Integer> taken = taken(service, settings, first, end);
    List<CallbackSlot> slots = new ArrayList<>();
    for (Instant slot = first;
        slot.isBefore(end) && slots.size() < maxSlots;
        slot = slot.plus(bucket)) {
      if (settings.officeHours().isOpenAt(slot)) {
        slots.add(
            new CallbackSlot(
                slot, Math.max(0, settings.capacityPerBucket() - taken.getOrDefault(slot, 0))));
      }
    }
    return slots;
  }

  /**
   * Slots with room, from {@code from} on, at most {@code count}: what an availability error
   * proposes.
   */
  public List<CallbackSlot> proposals(
      String service, CallbackSettings settings, Instant from, int count) {
    return availability(service, settings, from, from.plus(Duration.ofDays(14)), 2000).stream()
        .filter(slot -> slot.free() > 0)
        .limit(count)
        .toList();
  }

  /** Live callbacks per bucket start, between {@code from} and {@code to}. */
  private Map<Instant, Integer> taken(
      String service, CallbackSettings settings, Instant from, Instant to) {
    long seconds = settings.bucket().toSeconds();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT floor(extract(epoch FROM coalesce(desired_time, created_at)) / ?2)::bigint, count(*)"
                    + " FROM service_instance WHERE "
                    + LIVE
                    + " AND coalesce(desired_time, created_at) >= ?3 AND coalesce(desired_time, created_at) < ?4"
                    + " GROUP BY 1")
            .setParameter(1, service)
            .setParameter(2, seconds)
            .setParameter(3, Timestamp.from(from))
            .setParameter(4, Timestamp.from(to))
            .getResultList();
    Map<Instant, Integer> taken = new HashMap<>();
    for (Object[] row : rows) {
      taken.put(
          Instant.ofEpochSecond(((Number) row[0]).longValue() * seconds),
          ((Number) row[1]).intValue());
    }
    return taken;
  }
}
