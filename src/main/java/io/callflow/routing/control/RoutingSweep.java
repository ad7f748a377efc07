package io.callflow.routing.control;

import io.callflow.platform.persistence.SchemaMigration;
import io.callflow.platform.time.DueSweep;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Every second: ends agent reservations whose customer did not follow through in time, takes out of
 * the queue customers who waited past their queued TTL, and dispatches queues where a customer and
 * an idle agent are both waiting (whatever dispatch message was missed). The due times are columns,
 * so a restart loses none and an overdue one is handled on the first sweep; each in a transaction
 * of its own.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingSweep {

  private final DueSweep sweep =
      new DueSweep("Routing sweep", Logger.getLogger(RoutingSweep.class.getName()));

  /** Queues dispatched per sweep at most; the rest wait a second. */
  static final int QUEUES_PER_SWEEP = 100;

  @Inject RoutingTimers timers;
  @Inject Dispatcher dispatcher;
  @Inject Clock clock;
  @Inject SchemaMigration schema;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    sweep.run(
        schema,
        () -> {
          DueSweep.drain(limit -> timers.lapsedReservations(clock.instant(), limit), timers::lapse);
          DueSweep.drain(limit -> timers.expiredWaits(clock.instant(), limit), timers::expireWait);
          dispatcher
              .queuesToDispatch(clock.instant(), QUEUES_PER_SWEEP)
              .forEach(dispatcher::dispatchAlone);
        });
  }
}
