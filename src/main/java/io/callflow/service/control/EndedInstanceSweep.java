package io.callflow.service.control;

import io.callflow.platform.config.ConfigKeys;
import io.callflow.platform.persistence.BatchedDelete;
import io.callflow.platform.persistence.BatchedDelete.Dependent;
import io.callflow.platform.persistence.CallflowDataSource;
import io.callflow.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes service instances that ended more than {@link ConfigKeys#ENDED_INSTANCES_KEPT_DAYS} days
 * ago (by their last change), with their history and what other features recorded about them (call
 * results, dial attempts, the queue wait), so that these tables hold the live instances and a
 * bounded past. Every 15 seconds, through the index of ended instances: a run with nothing to
 * delete is one index probe. In batches ({@link BatchedDelete}); several server instances may sweep
 * at once. An instance's app data has a time to live of its own and its bookings a sweep of their
 * own. Bean-managed, as the other sweeps.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EndedInstanceSweep {

  static final BatchedDelete ENDED =
      new BatchedDelete(
          "service_instance",
          "state IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED') AND updated_at < ?",
          1000,
          50,
          "ended service instances",
          // what other features record about an instance, each keyed by it first
          List.of(
              new Dependent("call_result", "service_id"),
              new Dependent("dial_attempt", "service_id"),
              new Dependent("queue_wait", "service_id")));

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
    ENDED.sweep(dataSource, BatchedDelete.daysBefore(clock.instant(), keptDays), LOG);
  }
}
