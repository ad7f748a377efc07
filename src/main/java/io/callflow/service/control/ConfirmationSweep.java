package io.callflow.service.control;

import io.callflow.platform.persistence.SchemaMigration;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second: customers who were asked to confirm and did not answer in time. The due time is a
 * column, so a restart loses no timer and one that fell due meanwhile fires on the first sweep.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ConfirmationSweep {

  private static final Logger LOG = Logger.getLogger(ConfirmationSweep.class.getName());
  private static final int BATCH = 200;

  @Inject QueuedFlows flows;
  @Inject Clock clock;
  @Inject SchemaMigration schema;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    if (!schema.outcome().succeeded() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      List<String> due;
      do {
        due = flows.overdueConfirmations(clock.instant(), BATCH);
        due.forEach(flows::confirmationTimedOut);
      } while (due.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Confirmation sweep failed; retried next second", e);
    } finally {
      running.set(false);
    }
  }
}
