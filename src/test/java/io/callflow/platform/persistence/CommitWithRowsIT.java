package io.callflow.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callflow.launcher.CallflowStack;
import io.callflow.testing.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * What {@link CommitWrites} relies on when the commit rides with a transaction's rows, on the real
 * driver and database: a {@code COMMIT} at the end of the statements ends the transaction in that
 * round trip, the connection's own commit then sends nothing, and a statement that checks its
 * outcome with {@code callflow_one_row_changed} keeps that {@code COMMIT} from running.
 */
class CommitWithRowsIT {

  private final CallflowStack stack = TestServer.stack();

  @Test
  void theCommitSentWithTheStatementsEndsTheTransactionAndTheConnectionsCommitSendsNothing()
      throws Exception {
    try (Connection db = stack.connectToDatabase()) {
      db.setAutoCommit(false);
      int backend = backendOf(db);
      try (PreparedStatement statements =
          db.prepareStatement("SELECT count(*) FROM outbox_message WHERE id = ?;\nCOMMIT")) {
        statements.setLong(1, -1);
        statements.execute();
      }
      Activity afterStatements = activityOf(backend);
      assertEquals("idle", afterStatements.state(), "the transaction ended with the statements");
      assertEquals("COMMIT", afterStatements.query().strip());

      db.commit();

      assertEquals(afterStatements, activityOf(backend), "the connection's commit sent nothing");
      assertNull(db.getWarnings(), "no commit without a transaction");
    }
  }

  @Test
  void anUpdateThatChangedNoRowFailsAndTheCommitAfterItDoesNotRun() throws Exception {
    try (Connection db = stack.connectToDatabase()) {
      db.setAutoCommit(false);
      int backend = backendOf(db);
      SQLException lost;
      try (PreparedStatement statements =
          db.prepareStatement(
              "WITH changed AS (UPDATE service_instance SET version = version + 1"
                  + " WHERE id = ? RETURNING 1)"
                  + " SELECT callflow_one_row_changed(count(*), 'Service instance ' || ?)"
                  + " FROM changed;\nCOMMIT")) {
        statements.setString(1, "no-such-instance");
        statements.setString(2, "no-such-instance");
        lost = assertThrows(SQLException.class, statements::execute);
      }

      assertEquals("40001", lost.getSQLState(), lost::toString);
      assertEquals(
          "ERROR: Service instance no-such-instance was changed by another transaction",
          lost.getMessage().lines().findFirst().orElseThrow());
      assertEquals("idle in transaction (aborted)", activityOf(backend).state());
      db.rollback();
      assertEquals("idle", activityOf(backend).state());
    }
  }

  private record Activity(String state, String query, String queryStart) {}

  private static int backendOf(Connection db) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      int backend = row.getInt(1);
      db.commit();
      return backend;
    }
  }

  /** The backend's activity as another connection sees it. */
  private Activity activityOf(int backend) throws SQLException {
    try (Connection observer = stack.connectToDatabase();
        PreparedStatement read =
            observer.prepareStatement(
                "SELECT state, query, query_start::text FROM pg_stat_activity WHERE pid = ?")) {
      read.setInt(1, backend);
      try (ResultSet row = read.executeQuery()) {
        row.next();
        return new Activity(row.getString(1), row.getString(2), row.getString(3));
      }
    }
  }
}
