package io.callflow.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A sweep's delete of rows older than a point in time, in batches: each batch is one auto-committed
 * statement, so a large backlog never holds one long transaction, and a run stops after a bounded
 * number of batches (the next run picks up the rest).
 *
 * <p>A batch finds its rows through {@code condition} (and the index that serves it) and deletes
 * them by their place in the table: the rows are locked, so the place holds, and no row count
 * estimate can turn the plan into a join that scans the table. {@code SKIP LOCKED}: server
 * instances sweeping the same database at once share the work instead of queueing behind each
 * other's row locks.
 *
 * <p>Rows of other tables that record something about a deleted row ({@code dependents}) go in the
 * same statement, found by their column naming the row's {@code id}: what the table keeps for a
 * time, it keeps whole, and nothing is left behind that names a row no longer there.
 *
 * @param condition selects the rows to delete, its one parameter the point they are older than
 * @param rows what the rows are, for the log ("expired app data entries")
 * @param dependents rows that go with each deleted row, by its id
 */
public record BatchedDelete(
    String table,
    String condition,
    int batchSize,
    int batchesPerRun,
    String rows,
    List<Dependent> dependents) {

  /** Rows of {@code table} whose {@code column} holds the id of a row deleted. */
  public record Dependent(String table, String column) {}

  public BatchedDelete(
      String table, String condition, int batchSize, int batchesPerRun, String rows) {
    this(table, condition, batchSize, batchesPerRun, rows, List.of());
  }

  /** The point {@code days} days before {@code now}; a day at the least, whatever is configured. */
  public static Instant daysBefore(Instant now, int days) {
    return now.minus(Duration.ofDays(Math.max(1, days)));
  }

  /** One batch's statement; it answers how many rows of {@code table} it deleted. */
  public String statement() {
    StringBuilder sql =
        new StringBuilder("WITH deleted AS (DELETE FROM ")
            .append(table)
            .append(" WHERE ctid = ANY (ARRAY(SELECT ctid FROM ")
            .append(table)
            .append(" WHERE ")
            .append(condition)
            .append(" LIMIT ")
            .append(batchSize)
            .append(" FOR UPDATE SKIP LOCKED)) RETURNING ")
            .append(dependents.isEmpty() ? "1" : "id") // a table without dependents may have no id
            .append(")");
    for (int i = 0; i < dependents.size(); i++) {
      Dependent dependent = dependents.get(i);
      sql.append(", dependent")
          .append(i)
          .append(" AS (DELETE FROM ")
          .append(dependent.table())
          .append(" WHERE ")
          .append(dependent.column())
          .append(" IN (SELECT id FROM deleted))");
    }
    return sql.append(" SELECT count(*) FROM deleted").toString();
  }

  /** Deletes rows older than {@code before}; answers how many. */
  public int run(DataSource dataSource, Instant before) throws SQLException {
    int deleted = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(statement())) {
      connection.setAutoCommit(true); // each batch commits on its own
      delete.setTimestamp(1, Timestamp.from(before));
      for (int batch = 0; batch < batchesPerRun; batch++) {
        int rows;
        try (ResultSet count = delete.executeQuery()) {
          count.next();
          rows = count.getInt(1);
        }
        deleted += rows;
        if (rows < batchSize) {
          break;
        }
      }
    }
    return deleted;
  }

  /**
   * {@link #run} for a scheduled sweep: what it deleted goes to {@code log} (fine), a failure as a
   * one-line warning (a stack trace every few seconds would drown the log), and the next run tries
   * again.
   */
  public void sweep(DataSource dataSource, Instant before, Logger log) {
    try {
      int deleted = run(dataSource, before);
      if (deleted > 0) {
        log.fine(() -> "Deleted " + deleted + " " + rows + " older than " + before);
      }
    } catch (SQLException e) {
      log.warning("Deleting " + rows + " failed, retried on the next run: " + e);
    }
  }
}
