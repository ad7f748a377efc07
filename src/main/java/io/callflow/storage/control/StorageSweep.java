package io.callflow.storage.control;

import io.callflow.platform.persistence.SchemaMigration;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Reclaims the space of expired app data that nobody asks for again. Reads already hide expired
 * entries, so a late or skipped sweep only delays the reclaiming. Each batch commits on its own: a
 * large backlog never holds one long transaction, and a run stops after a bounded number of batches
 * so that the next run picks up the rest.
 */
@Singleton
public class StorageSweep {

  static final int MAX_BATCHES_PER_RUN = 20;
  private static final Logger LOG = Logger.getLogger(StorageSweep.class.getName());

  @Inject ExpiredStorageEntries expiredEntries;
  @Inject SchemaMigration schema;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    if (!schema.outcome().succeeded()) {
      return; // no table to sweep yet; readiness already reports why
    }
    Instant now = clock.instant();
    try {
      for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
        if (expiredEntries.deleteBatch(now) < ExpiredStorageEntries.BATCH_SIZE) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // the next run, five seconds on, tries again; a stack trace every five seconds would drown the log
      LOG.warning("Storage sweep failed, retried on the next run: " + e);
    }
  }
}
