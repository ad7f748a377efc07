package io.callflow.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.testing.TableRows;
import io.callflow.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The booking table keeps the live bookings and the last days of ended ones (seven, the default):
 * the sweep deletes what ended before, and leaves what ended since and what is still live.
 */
class EndedBookingSweepIT {

  @Test
  void bookingsEndedBeforeTheDaysKeptAreDeletedAndTheOthersStay() throws SQLException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String old = "old-" + run;
    String recent = "recent-" + run;
    String live = "live-" + run;
    try (Connection db = TestServer.stack().connectToDatabase();
        Statement statement = db.createStatement()) {
      statement.executeUpdate(ended(old, "+15559000001", "8 days"));
      statement.executeUpdate(ended(recent, "+15559000002", "6 days"));
      statement.executeUpdate(
          "INSERT INTO booking (id, number, pool_name, locking, service_id, booked_at,"
              + " expires_at) VALUES ('"
              + live
              + "', '+15559000003', 'history', true, gen_random_uuid(), now(),"
              + " now() + interval '1 hour')");
      try {
        TableRows.awaitGone(db, "booking", old, Duration.ofSeconds(40));
        assertEquals(
            Set.of(recent, live),
            TableRows.present(db, "booking", old, recent, live),
            "ended 6 days ago and live: kept");
      } finally {
        statement.executeUpdate("DELETE FROM booking WHERE pool_name = 'history'");
      }
    }
  }

  private static String ended(String id, String number, String ago) {
    return "INSERT INTO booking (id, number, pool_name, locking, service_id, booked_at, expires_at,"
        + " active, ended_at, end_reason) VALUES ('"
        + id
        + "', '"
        + number
        + "', 'history', true, gen_random_uuid(), now() - interval '"
        + ago
        + "' - interval '1 minute', now() - interval '"
        + ago
        + "', false, now() - interval '"
        + ago
        + "', 'MATCHED')";
  }
}
