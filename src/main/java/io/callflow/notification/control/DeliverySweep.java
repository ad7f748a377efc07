package io.callflow.notification.control;

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
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes the outcomes of pushes (delivered or dead) older than {@link
 * ConfigKeys#ENDED_INSTANCES_KEPT_DAYS} days, the time ended instances are kept: a record stops a
 * redelivered event from being pushed twice, which only matters for minutes, and lets an operator
 * send a dead push again while its instance is still known. Every 15 seconds, through the index of
 * deliveries by time, in batches ({@link BatchedDelete}); several server instances may sweep at
 * once. Bean-managed, as the other sweeps.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DeliverySweep {

  static final BatchedDelete OLD =
      new BatchedDelete("notification_delivery", "at < ?", 1000, 50, "push outcomes");

  private static final Logger LOG = Logger.getLogger(DeliverySweep.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = ConfigKeys.ENDED_INSTANCES_KEPT_DAYS, defaultValue = "30")
  int keptDays;

  @Schedule(hour = "*", minute = "*", second = "11/15", persistent = false)
  void sweep() {
    if (!schema.outcome().succeeded()) {
      return; // no table to sweep yet; readiness already reports why
    }
    OLD.sweep(dataSource, BatchedDelete.daysBefore(clock.instant(), keptDays), LOG);
  }
}
