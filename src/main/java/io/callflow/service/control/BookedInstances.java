package io.callflow.service.control;

import io.callflow.access.control.Bookings;
import io.callflow.access.entity.Booking;
import io.callflow.platform.persistence.Sql;
import io.callflow.service.entity.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The match's read: the live bookings on the number dialled, their rows locked so that two calls
 * cannot match one booking, each with its instance as it stands, in one round trip. Runs in the
 * caller's transaction.
 */
@ApplicationScoped
public class BookedInstances {

  private static final String PREFIX = "instance_";

  /** Its plan is checked to reach {@code booking_live_number} (BookingPlansIT). */
  public static final String LIVE_ON =
      "SELECT b.*, "
          + ServiceInstance.COLUMNS.stream()
              .map(column -> "i." + column + " AS " + PREFIX + column)
              .collect(Collectors.joining(", "))
          + " FROM booking b LEFT JOIN service_instance i ON i.id = b.service_id"
          + " WHERE b.number = ? AND b.active ORDER BY b.booked_at FOR UPDATE OF b";

  /** A live booking, locked, and its instance as read (none if the instance is gone). */
  public record Booked(Booking booking, Optional<ServiceInstance> instance) {}

  @Inject Sql sql;
  @Inject InstanceWrites instanceWrites;
  @Inject Clock clock;

  /** The live bookings on {@code number}, oldest first, locked; see {@link #adopt}. */
  public List<Booked> liveOnForUpdate(String number) {
    Instant now = clock.instant();
    return sql
        .list(
            LIVE_ON,
            row ->
                new Booked(
                    Bookings.read(row),
                    row.getString(PREFIX + "id") == null
                        ? Optional.empty()
                        : Optional.of(ServiceInstance.read(row, PREFIX))),
            number)
        .stream()
        .filter(booked -> booked.booking().isLiveAt(now))
        .toList();
  }

  /**
   * The persistence context's instance of {@code booked}, the one to change: it joins without a
   * read of its own, so what follows the match in this transaction finds it there, and its change
   * is written with the transaction's other rows ({@link InstanceWrites#updateAtCommit}).
   */
  public Optional<ServiceInstance> adopt(Booked booked) {
    return booked.instance().map(instanceWrites::updateAtCommit);
  }
}
