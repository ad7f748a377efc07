package io.callflow.access.control;

import io.callflow.platform.persistence.SchemaMigration;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends overdue bookings with no traffic at all, every second: the due time is a column, so a restart
 * loses nothing and a booking that fell due while the server was down ends on the first sweep. Each
 * booking ends in a short transaction of its own; several server instances may sweep at once (rows
 * are taken with SKIP LOCKED and an ended booking is not ended twice).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BookingExpiry {

  private static final Logger LOG = Logger.getLogger(BookingExpiry.class.getName());
  private static final int BATCH = 200;

  @Inject Bookings bookings;
  @Inject Clock clock;
  @Inject SchemaMigration schema;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    if (!schema.outcome().succeeded() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      List<String> overdue;
      do {
        overdue = bookings.overdue(clock.instant(), BATCH);
        overdue.forEach(bookings::expire);
      } while (overdue.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Booking expiry sweep failed; retried next second", e);
    } finally {
      running.set(false);
    }
  }
}
