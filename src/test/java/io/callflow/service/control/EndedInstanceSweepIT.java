package io.callflow.service.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.QueryPlans;
import io.callflow.testing.TableRows;
import io.callflow.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service_instance table keeps the live instances and the last days of ended ones (thirty, the
 * default): the sweep deletes what ended before, through the index of ended instances, with what
 * other features recorded about it, and the Service API no longer knows it.
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
      for (String id : List.of(old, recent, live)) {
        statement.executeUpdate(records(id));
      }
      try {
        TableRows.awaitGone(db, "service_instance", old, Duration.ofSeconds(40));
        assertEquals(
            Set.of(recent, live),
            TableRows.present(db, "service_instance", old, recent, live),
            "ended 29 days ago and live");
        for (String table : RECORDS) {
          assertEquals(
              Set.of(recent, live),
              TableRows.presentBy(db, table, "service_id", old, recent, live),
              table + " rows go with their instance, and only with it");
        }
        assertEquals(
            404,
            TestServer.gms().get("/genesys/1/service/" + old).status(),
            "a deleted instance is unknown");
      } finally {
        for (String table : RECORDS) {
          statement.executeUpdate(
              "DELETE FROM " + table + " WHERE service_id IN ('" + recent + "', '" + live + "')");
        }
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
        String sweep = EndedInstanceSweep.ENDED.statement();
        assertEquals(
            Set.of(QueryPlans.read("service_instance_ended", true)),
            QueryPlans.indexes(statement, sweep, "service_instance"));
        // an instance's records are found by its id: each table has an index led by it. (Which
        // plan the sweep gets depends on the tables' sizes: a test's tiny table is read whole.)
        for (String table : RECORDS) {
          assertTrue(
              ledByServiceId(statement, table),
              table + " has an index whose first column is service_id");
        }
      } finally {
        db.rollback();
      }
    }
  }

  private static boolean ledByServiceId(Statement statement, String table) throws SQLException {
    try (ResultSet found =
        statement.executeQuery(
            "SELECT count(*) FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid"
                + " AND a.attnum = x.indkey[0] WHERE x.indrelid = '"
                + table
                + "'::regclass AND a.attname = 'service_id'")) {
      found.next();
      return found.getInt(1) > 0;
    }
  }

  /** What other features record about an instance, by its id. */
  private static final List<String> RECORDS = List.of("call_result", "dial_attempt", "queue_wait");

  /** A call result, a dial attempt and a queue wait of the instance {@code id}. */
  private static String records(String id) {
    return "INSERT INTO call_result (id, service_id, agent_id, result, reported_at) VALUES ("
        + "gen_random_uuid(), '"
        + id
        + "', 'agent-1', 'COMPLETED', now() - interval '40 days');"
        + " INSERT INTO dial_attempt (service_id, attempt, party, dialled_at) VALUES ('"
        + id
        + "', 1, 'CUSTOMER', now() - interval '40 days');"
        + " INSERT INTO queue_wait (service_id, queue_name, predicted_seconds, queued_at) VALUES ('"
        + id
        + "', 'history', 30, now() - interval '40 days')";
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
