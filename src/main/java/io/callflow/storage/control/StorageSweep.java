package io.callflow.storage.control;

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

/**
 * Reclaims the space of expired app data that nobody asks for again. Reads already hide expired
 * entries, so a late or skipped sweep only delays the reclaiming.
 *
 * <p>Deletes in batches ({@link BatchedDelete}). Bean-managed, so no JTA transaction is involved at
 * all: housekeeping has no part in the flows' XA transactions, and Payara wraps a container-managed
 * timer callback in one even when it is marked NOT_SUPPORTED; one every five seconds from the first
 * second of a deployment, while the resource adapter is still being (re)deployed, made the first
 * JMS sends after a restart fail.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class StorageSweep {

  static final BatchedDelete EXPIRED =
      new BatchedDelete("storage_entry", "expires_at <= ?", 500, 20, "expired app data entries");

  private static final Logger LOG = Logger.getLogger(StorageSweep.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void sweep() {
    if (!schema.outcome().succeeded()) {
      return; // no table to sweep yet; readiness already reports why
    }
    EXPIRED.sweep(dataSource, clock.instant(), LOG);
  }
}
