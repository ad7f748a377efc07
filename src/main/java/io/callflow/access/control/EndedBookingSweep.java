package io.callflow.access.control;

import io.callflow.platform.config.ConfigKeys;
import io.callflow.platform.persistence.CallflowDataSource;
import io.callflow.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes bookings that ended more than {@link ConfigKeys#ENDED_BOOKINGS_KEPT_DAYS} days ago, so
 * that the booking table holds the live bookings and a bounded history, not every call ever made.
 * Every 15 seconds, in batches of its own short transactions (auto-committed, as the other sweeps),
 * through the index of ended bookings by their end: a run with nothing to delete is one index
 * probe. A run deletes at most {@link #BATCHES} batches, so a long backlog (the first run after an
 * upgrade) is worked off in steps that never hold the table's rows for long. Several server
 * instances may sweep at once: each takes rows the others are not deleting ({@code SKIP LOCKED}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class EndedBookingSweep {

  static final int BATCH = 1000;
  static final int BATCHES = 50;

  /**
   * One batch: the rows are found through the index and deleted by their place in the table (the
   * rows are locked, so the place holds), a plan that no row count estimate can turn into a scan.
   */
  static final String FORGET =
      "DELETE FROM booking WHERE ctid = ANY (ARRAY(SELECT ctid FROM booking WHERE NOT active"
          + " AND ended_at < ? LIMIT "
          + BATCH
          + " FOR UPDATE SKIP LOCKED))";

  private static final Logger LOG = Logger.getLogger(EndedBookingSweep.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = ConfigKeys.ENDED_BOOKINGS_KEPT_DAYS, defaultValue = "7")
  int keptDays;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  void sweep() {
    if (!schema.outcome().succeeded() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      int forgotten = forgetEndedBefore(clock.instant().minus(kept()));
      if (forgotten > 0) {
        LOG.fine(
            () ->
                "Deleted " + forgotten + " booking(s) ended over " + kept().toDays() + " days ago");
      }
    } catch (SQLException e) {
      // the rows stay until the next run; nothing reads them meanwhile
      LOG.warning("Ended booking sweep failed, retried in 15 s: " + e);
    } finally {
      running.set(false);
    }
  }

  /** How long an ended booking is kept: the configured days, never under one. */
  Duration kept() {
    return Duration.ofDays(Math.max(1, keptDays));
  }

  private int forgetEndedBefore(Instant cutoff) throws SQLException {
    int forgotten = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement forget = connection.prepareStatement(FORGET)) {
      connection.setAutoCommit(true);
      forget.setTimestamp(1, Timestamp.from(cutoff));
      for (int batch = 0; batch < BATCHES; batch++) {
        int deleted = forget.executeUpdate();
        forgotten += deleted;
        if (deleted < BATCH) {
          break;
        }
      }
    }
    return forgotten;
  }
}
