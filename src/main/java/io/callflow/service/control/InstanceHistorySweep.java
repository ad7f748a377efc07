package io.callflow.service.control;

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
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Forgets the history of instances that ended over a day ago, found by the row of the state they
 * ended in; a live instance keeps all of its own. Batches of auto-committed statements,
 * bean-managed as the storage sweep and for the same reasons: no long transaction, no timer
 * callback in a JTA one; server instances sweeping one database at once share the work.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class InstanceHistorySweep {

  /** How long an ended instance's history stays readable. */
  static final Duration KEPT = Duration.ofDays(1);

  static final int BATCH_SIZE = 200;
  static final int MAX_BATCHES_PER_RUN = 20;

  static final String FORGET_BATCH =
      "DELETE FROM instance_state_change WHERE instance_id IN (SELECT instance_id"
          + " FROM instance_state_change WHERE final AND changed_at < ? LIMIT "
          + BATCH_SIZE
          + " FOR UPDATE SKIP LOCKED)";

  private static final Logger LOG = Logger.getLogger(InstanceHistorySweep.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void sweep() {
    if (!schema.outcome().succeeded()) {
      return; // no table yet; readiness already reports why
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement forget = connection.prepareStatement(FORGET_BATCH)) {
        forget.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT)));
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
          if (forget.executeUpdate() == 0) {
            return;
          }
        }
      }
    } catch (SQLException e) {
      LOG.warning("Instance history sweep failed, retried on the next run: " + e);
    }
  }
}
