package io.callflow.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A sweep's delete of rows older than a point in time, in batches: each batch is one auto-committed
 * statement, so a large backlog never holds one long transaction, and a run stops after a bounded
 * number of batches (the next run picks up the rest).
 *
 * @param statement deletes at most {@code batchSize} rows older than its one parameter
 */
public record BatchedDelete(String statement, int batchSize, int batchesPerRun) {

  /** Deletes rows older than {@code before}; answers how many. */
  public int run(DataSource dataSource, Instant before) throws SQLException {
    int deleted = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement(statement)) {
      connection.setAutoCommit(true); // each batch commits on its own
      delete.setTimestamp(1, Timestamp.from(before));
      for (int batch = 0; batch < batchesPerRun; batch++) {
        int rows = delete.executeUpdate();
        deleted += rows;
        if (rows < batchSize) {
          break;
        }
      }
    }
    return deleted;
  }
}
