package io.callflow.access.control;

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
 * Deletes bookings that ended more than {@link ConfigKeys#ENDED_BOOKINGS_KEPT_DAYS} days ago, so
 * that the booking table holds the live bookings and a bounded history, not every call ever made.
 * Every 15 seconds, through the index of ended bookings by their end: a run with nothing to delete
 * is one index probe. In batches ({@link BatchedDelete}), so a long backlog (the first run after an
 * upgrade) is worked off in steps. Several server instances may sweep at once: each takes rows the
 * others are not deleting ({@code SKIP LOCKED}). Bean-managed, as the other sweeps.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EndedBookingSweep {

  static final BatchedDelete ENDED =
      new BatchedDelete("booking", "NOT active AND ended_at < ?", 1000, 50, "ended bookings");

  private static final Logger LOG = Logger.getLogger(EndedBookingSweep.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = ConfigKeys.ENDED_BOOKINGS_KEPT_DAYS, defaultValue = "7")
  int keptDays;

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  void sweep() {
    if (!schema.outcome().succeeded()) {
      return; // no table to sweep yet; readiness already reports why
    }
    ENDED.sweep(dataSource, BatchedDelete.daysBefore(clock.instant(), keptDays), LOG);
  }
}
