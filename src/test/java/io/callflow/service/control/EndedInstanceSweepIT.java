package io.callflow.service.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.testing.QueryPlans;
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
 * The service_instance table keeps the live instances and the last days of ended ones (thirty, the
 * default): the sweep deletes what ended before, through the index of ended instances, and the
 * Service API no longer knows it.
 */
class EndedInstanceSweepIT {

  @Test
  void instancesEndedBeforeTheDaysKeptAreDeletedAndTheOthersStay() throws SQLException {
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    String live = UUID.randomUUID().toString();
    try (Connection db = TestServer.stack().connectToDatabase();
        Statement statement = db.createStatement()) {
      statement.executeUpdate(instance(old, "COMPLETED", "31 days"));
      statement.executeUpdate(instance(recent, "CANCELLED", "29 days"));
      statement.executeUpdate(instance(live, "SCHEDULED", "60 days"));
      try {
        TableRows.awaitGone(db, "service_instance", old, Duration.ofSeconds(40));
        assertEquals(
            Set.of(recent, live),
            TableRows.present(db, "service_instance", old, recent, live),
            "ended 29 days ago and live");
        assertEquals(
            404,
            TestServer.gms().get("/genesys/1/service/" + old).status(),
            "a deleted instance is unknown");
      } finally {
        statement.executeUpdate(
            "DELETE FROM service_instance WHERE id IN ('" + recent + "', '" + live + "')");
      }
    }
  }

  @Test
  void theSweepReadsOnlyEndedInstances() throws SQLException {
    try (Connection db = TestServer.stack().connectToDatabase();
        Statement statement = db.createStatement()) {
      db.setAutoCommit(false);
      try {
        // which index the plan takes, not whether a small test table is read whole instead
        statement.execute("SET LOCAL enable_seqscan = off");
        assertEquals(
            Set.of(QueryPlans.read("service_instance_ended", true)),
            QueryPlans.indexes(
                statement, EndedInstanceSweep.ENDED.statement(), "service_instance"));
      } finally {
        db.rollback();
      }
    }
  }

  private static String instance(String id, String state, String ago) {
    return "INSERT INTO service_instance (id, service_name, flow, state, data_id, created_at,"
        + " updated_at) VALUES ('"
        + id
        + "', 'history', 'request-interaction', '"
        + state
        + "', gen_random_uuid(), now() - interval '"
        + ago
        + "' - interval '1 hour', now() - interval '"
        + ago
        + "')";
  }
}
