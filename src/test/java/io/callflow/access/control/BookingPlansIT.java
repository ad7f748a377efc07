package io.callflow.access.control;

import static io.callflow.testing.QueryPlans.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.console.control.PoolSampler;
import io.callflow.service.control.BookedInstances;
import io.callflow.testing.QueryPlans;
import io.callflow.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The statements on bookings reach the index they were written for, on the generic plan a prepared
 * statement ends up with, when the statistics say no booking is live (a new or quiet database). In
 * that state a plan scanned a whole partial index whose predicate its WHERE implied, instead of
 * looking a booking up by id or by number: a cost that grew with every live booking. And the one
 * index of the live bookings by number keeps the rules it is there for.
 */
class BookingPlansIT {

  @Test
  void hotPathStatementsSeekTheirIndex() throws SQLException {
    inQuietDatabase(
        plans -> {
          assertEquals(
              Set.of(read("booking_pkey", true), read("booking_live_number", true)),
              plans.bookingIndexes(Bookings.END),
              "a booking's end: by id, then any other live booking on its number");
          assertEquals(
              Set.of(read("booking_pkey", true), read("booking_live_number", true)),
              plans.bookingIndexes(Bookings.END_AT_COMMIT),
              "a matched booking's end, at commit");
          assertEquals(
              Set.of(read("booking_live_number", true)),
              plans.bookingIndexes(BookedInstances.LIVE_ON),
              "the match's read of the live bookings on a number");
        });
  }

  @Test
  void sweepsAndCancelsSeekTheirIndex() throws SQLException {
    inQuietDatabase(
        plans -> {
          assertEquals(
              Set.of(read("booking_pkey", true)),
              plans.bookingIndexes(Bookings.LIVE_BY_ID),
              "the expiry of one booking");
          assertEquals(
              Set.of(read("booking_live_service", true)),
              plans.bookingIndexes(Bookings.LIVE_OF_INSTANCE),
              "an instance's live bookings (cancel)");
          assertEquals(
              Set.of(read("booking_live_expiry", true)),
              plans.bookingIndexes(Bookings.OVERDUE_IN_POOL),
              "a pool's overdue bookings");
        });
  }

  /**
   * What reads the history of bookings reads only the part it needs, however long the history: a
   * sample of the pools reads the live bookings and those ended since the interval began, the sweep
   * those ended before the days kept.
   */
  @Test
  void historyIsReadByTheEnd() throws SQLException {
    inQuietDatabase(
        plans -> {
          assertEquals(
              Set.of(read("booking_live_expiry", true), read("booking_ended", true)),
              plans.bookingIndexes(PoolSampler.SAMPLE),
              "a pool sample: the live bookings, then those ended in the interval");
          assertEquals(
              Set.of(read("booking_ended", true)),
              plans.bookingIndexes(EndedBookingSweep.ENDED.statement()),
              "the sweep of bookings ended before the days kept");
        });
  }

  /**
   * One unique index keeps both rules of the live bookings on a number: one live booking per number
   * of a locking pool, whatever its code; on a shared number, unique codes, and any number of
   * bookings without one.
   */
  @Test
  void liveBookingsOnANumberKeepTheirRules() throws SQLException {
    try (Connection db = TestServer.stack().connectToDatabase();
        Statement statement = db.createStatement()) {
      db.setAutoCommit(false);
      try {
        assertEquals(true, books(statement, "+15550000001", true, "1111"));
        assertEquals(false, books(statement, "+15550000001", true, "2222"), "a second locking");
        assertEquals(false, books(statement, "+15550000001", true, null), "one without a code");
        assertEquals(true, books(statement, "+15550000002", false, "1111"));
        assertEquals(true, books(statement, "+15550000002", false, "2222"));
        assertEquals(false, books(statement, "+15550000002", false, "1111"), "a live code again");
        assertEquals(true, books(statement, "+15550000002", false, null));
        assertEquals(true, books(statement, "+15550000002", false, null), "codeless ones share");
        statement.executeUpdate(
            "UPDATE booking SET active = false, ended_at = booked_at, end_reason = 'MATCHED'"
                + " WHERE number = '+15550000001'");
        assertEquals(true, books(statement, "+15550000001", true, "2222"), "once the first ended");
      } finally {
        db.rollback();
      }
    }
  }

  /** Whether a live booking on {@code number} could be written beside the ones there. */
  private static boolean books(Statement statement, String number, boolean locking, String code)
      throws SQLException {
    statement.execute("SAVEPOINT booking");
    try {
      statement.executeUpdate(
          "INSERT INTO booking (id, number, pool_name, locking, service_id, access_code,"
              + " booked_at, expires_at) VALUES (gen_random_uuid(), '"
              + number
              + "', 'rules', "
              + locking
              + ", gen_random_uuid(), "
              + (code == null ? "NULL" : "'" + code + "'")
              + ", now(), now() + interval '1 minute')");
      statement.execute("RELEASE SAVEPOINT booking");
      return true;
    } catch (SQLException e) {
      assertEquals("23505", e.getSQLState(), e::getMessage);
      statement.execute("ROLLBACK TO SAVEPOINT booking");
      return false;
    }
  }

  private interface PlanCheck {
    void check(Plans plans) throws SQLException;
  }

  /**
   * Runs {@code check} in a transaction that ends every live booking and analyses the table, so the
   * planner sees none live, then rolls all of it back (statistics included).
   */
  private static void inQuietDatabase(PlanCheck check) throws SQLException {
    try (Connection db = TestServer.stack().connectToDatabase();
        Statement statement = db.createStatement()) {
      db.setAutoCommit(false);
      try {
        statement.executeUpdate(
            "UPDATE booking SET active = false, ended_at = booked_at, end_reason = 'EXPIRED'"
                + " WHERE active");
        statement.execute("ANALYZE booking");
        // which index a plan takes, not whether a small test table is read whole instead
        statement.execute("SET LOCAL enable_seqscan = off");
        check.check(new Plans(statement));
      } finally {
        db.rollback();
      }
    }
  }

  private record Plans(Statement statement) {

    /** The booking indexes the generic plan of {@code sql} (JDBC placeholders) reads. */
    Set<String> bookingIndexes(String sql) throws SQLException {
      return QueryPlans.indexes(statement, sql, "booking");
    }
  }
}
