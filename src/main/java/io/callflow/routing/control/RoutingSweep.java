package io.callflow.routing.control;

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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second: ends agent reservations whose customer did not follow through in time, and takes out
 * of the queue customers who waited past their queued TTL. The due times are columns, so a restart
 * loses none and an overdue one is handled on the first sweep; each in a transaction of its own.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingSweep {

  private static final Logger LOG = Logger.getLogger(RoutingSweep.class.getName());
  private static final int BATCH = 200;

  @Inject Routing routing;
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
      drain(limit -> routing.lapsedReservations(clock.instant(), limit), routing::lapse);
      drain(limit -> routing.expiredWaits(clock.instant(), limit), routing::expireWait);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Routing sweep failed; retried next second", e);
    } finally {
      running.set(false);
    }
  }

  private static void drain(Function<Integer, List<String>> due, Consumer<String> handle) {
    List<String> batch;
    do {
      batch = due.apply(BATCH);
      batch.forEach(handle);
    } while (batch.size() == BATCH);
  }
}
