package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.testing.Eventually;
import io.callflow.testing.QueryPlans;
import io.callflow.testing.TableRows;
import io.callflow.testing.TestServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pushes' outcomes are kept as long as ended instances (thirty days, the default): the sweep
 * deletes older ones, delivered or dead, through the index of deliveries by time.
 */
class DeliverySweepIT {

  @Test
  void outcomesOlderThanTheDaysKeptAreDeletedAndTheOthersStay() throws SQLException {
    String delivered = UUID.randomUUID().toString();
    String dead = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    try (Connection db = TestServer.stack().connectToDatabase();
        Statement statement = db.createStatement()) {
      statement.executeUpdate(delivery(delivered, "DELIVERED", "31 days"));
      statement.executeUpdate(delivery(dead, "DEAD", "31 days"));
      statement.executeUpdate(delivery(recent, "DELIVERED", "29 days"));
      try {
        Eventually.await(
            "old push outcomes deleted",
            Duration.ofSeconds(40),
            () ->
                TableRows.presentBy(db, "notification_delivery", "event_id", delivered, dead)
                        .isEmpty()
                    ? Optional.of(true)
                    : Optional.empty());
        assertEquals(
            Set.of(recent),
            TableRows.presentBy(db, "notification_delivery", "event_id", delivered, dead, recent),
            "pushed 29 days ago");
      } finally {
        statement.executeUpdate(
            "DELETE FROM notification_delivery WHERE event_id = '" + recent + "'");
      }
    }
  }

  @Test
  void theSweepReadsOnlyOldOutcomes() throws SQLException {
    try (Connection db = TestServer.stack().connectToDatabase();
        Statement statement = db.createStatement()) {
      db.setAutoCommit(false);
      try {
        // which index the plan takes, not whether a small test table is read whole instead
        statement.execute("SET LOCAL enable_seqscan = off");
        assertEquals(
            Set.of(QueryPlans.read("notification_delivery_at", true)),
            QueryPlans.indexes(statement, DeliverySweep.OLD.statement(), "notification_delivery"));
      } finally {
        db.rollback();
      }
    }
  }

  private static String delivery(String eventId, String state, String ago) {
    return "INSERT INTO notification_delivery (event_id, subscription_id, state, attempts, at)"
        + " VALUES ('"
        + eventId
        + "', gen_random_uuid(), '"
        + state
        + "', 1, now() - interval '"
        + ago
        + "')";
  }
}
