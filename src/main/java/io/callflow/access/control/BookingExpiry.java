package io.callflow.access.control;

import io.callflow.platform.persistence.SchemaMigration;
import io.callflow.platform.time.DueSweep;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Ends overdue bookings with no traffic at all, every second: the due time is a column, so a
 * restart loses nothing and a booking that fell due while the server was down ends on the first
 * sweep. Each booking ends in a short transaction of its own; several server instances may sweep at
 * once (rows are taken with SKIP LOCKED and an ended booking is not ended twice).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BookingExpiry {

  private final DueSweep sweep =
      new DueSweep("Booking expiry sweep", Logger.getLogger(BookingExpiry.class.getName()));

  @Inject Bookings bookings;
  @Inject Clock clock;
  @Inject SchemaMigration schema;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    sweep.run(
        schema,
        () -> DueSweep.drain(limit -> bookings.overdue(clock.instant(), limit), bookings::expire));
  }
}
