package io.callflow.console.control;

import io.callflow.platform.config.ConfigKeys;
import io.callflow.platform.persistence.CallflowDataSource;
import io.callflow.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
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
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes one {@code pool_sample} row per pool at the end of each sampling interval, off the request
 * path: one statement reads the live and the recently ended bookings and writes every pool's row.
 * Intervals are aligned to the clock, so server instances sampling the same database write the same
 * rows and the second one's insert does nothing. Bean-managed and auto-committed, as the other
 * sweeps, so that no timer callback joins a JTA transaction.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class PoolSampler {

  /** Samples are kept two hours: the console shows one. */
  static final Duration KEPT = Duration.ofHours(2);

  /**
   * One row per pool. The booking table is read through two indexes only, so a sample costs as much
   * with a year of history as with none: the live bookings (their partial index; every booking has
   * an expiry, so {@code expires_at IS NOT NULL} only names that index) and those ended since the
   * interval began ({@code booking_ended}). A booking started in the interval is one of them: live,
   * or ended no earlier than it started. Public for the test of its plan (BookingPlansIT).
   */
  public static final String SAMPLE =
      "INSERT INTO pool_sample (pool_name, sampled_at, numbers, live_bookings, bookings_started,"
          + " bookings_ended, held_seconds)"
          + " SELECT p.name, ?,"
          + " (SELECT count(*) FROM access_number n WHERE n.pool_name = p.name),"
          + " coalesce(w.live, 0), coalesce(w.started, 0), coalesce(w.ended, 0),"
          + " coalesce(w.held, 0)"
          + " FROM pool p LEFT JOIN ("
          + " SELECT pool_name,"
          + " count(*) FILTER (WHERE active) AS live,"
          + " count(*) FILTER (WHERE booked_at >= ? AND booked_at < ?) AS started,"
          + " count(*) FILTER (WHERE ended_at >= ? AND ended_at < ?) AS ended,"
          + " sum(extract(epoch FROM ended_at - booked_at))"
          + " FILTER (WHERE ended_at >= ? AND ended_at < ?) AS held"
          + " FROM booking WHERE (active AND expires_at IS NOT NULL)"
          + " OR (NOT active AND ended_at >= ?) GROUP BY pool_name"
          + ") w ON w.pool_name = p.name"
          + " ON CONFLICT DO NOTHING";

  static final String FORGET = "DELETE FROM pool_sample WHERE sampled_at < ?";

  private static final Logger LOG = Logger.getLogger(PoolSampler.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = ConfigKeys.CONSOLE_SAMPLE_SECONDS, defaultValue = "60")
  int sampleSeconds;

  private Instant lastSampled = Instant.EPOCH;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void sample() {
    if (!schema.outcome().succeeded()) {
      return; // no table yet; readiness already reports why
    }
    Duration interval = interval();
    Instant end = alignedEnd(clock.instant(), interval);
    if (!end.isAfter(lastSampled)) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      Timestamp from = Timestamp.from(end.minus(interval));
      Timestamp to = Timestamp.from(end);
      try (PreparedStatement insert = connection.prepareStatement(SAMPLE)) {
        insert.setTimestamp(1, to);
        for (int pair = 0; pair < 3; pair++) {
          insert.setTimestamp(2 + 2 * pair, from);
          insert.setTimestamp(3 + 2 * pair, to);
        }
        insert.setTimestamp(8, from);
        insert.executeUpdate();
      }
      try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
        forget.setTimestamp(1, Timestamp.from(end.minus(KEPT)));
        forget.executeUpdate();
      }
      lastSampled = end;
    } catch (SQLException e) {
      // the next run tries again; the chart only misses a point
      LOG.warning("Pool sample failed, retried on the next run: " + e);
    }
  }

  /** The sampling interval, never under five seconds (the timer's own period). */
  public Duration interval() {
    return Duration.ofSeconds(Math.max(5, sampleSeconds));
  }

  /** The end of the last whole interval before {@code now}, aligned to the epoch. */
  static Instant alignedEnd(Instant now, Duration interval) {
    long seconds = interval.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
  }
}
