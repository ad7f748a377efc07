package io.callflow.service.control;

import io.callflow.platform.config.ConfigKeys;
import io.callflow.platform.persistence.BatchedDelete;
import io.callflow.platform.persistence.CallflowDataSource;
import io.callflow.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes service instances that ended more than {@link ConfigKeys#ENDED_INSTANCES_KEPT_DAYS} days
 * ago (by their last change), with their history, so that the table holds the live instances and a
 * bounded past. Every 15 seconds, through the index of ended instances: a run with nothing to
 * delete is one index probe. The rows found are deleted by their place in the table (they are
 * locked, so the place holds), in batches ({@link BatchedDelete}); several server instances may
 * sweep at once ({@code SKIP LOCKED}). An instance's app data has a time to live of its own and its
 * bookings a sweep of their own. Bean-managed, as the other sweeps.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EndedInstanceSweep {

  static final int BATCH_SIZE = 1000;

  static final BatchedDelete ENDED =
      new BatchedDelete(
          "DELETE FROM service_instance WHERE ctid = ANY (ARRAY(SELECT ctid FROM service_instance"
              + " WHERE state IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED')"
              + " AND updated_at < ? LIMIT "
              + BATCH_SIZE
              + " FOR UPDATE SKIP LOCKED))",
          BATCH_SIZE,
          50,
          "ended service instances");

  private static final Logger LOG = Logger.getLogger(EndedInstanceSweep.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = ConfigKeys.ENDED_INSTANCES_KEPT_DAYS, defaultValue = "30")
  int keptDays;

  @Schedule(hour = "*", minute = "*", second = "7/15", persistent = false)
  void sweep() {
    if (!schema.outcome().succeeded()) {
      return; // no table to sweep yet; readiness already reports why
    }
    ENDED.sweep(dataSource, clock.instant().minus(Duration.ofDays(Math.max(1, keptDays))), LOG);
  }
}
