package io.callflow.service.control;

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
 * Every second: customers who were asked to confirm and did not answer in time, and scheduled
 * callbacks whose time has come. The due times are columns, so a restart loses no timer and one
 * that fell due meanwhile fires on the first sweep.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FlowTimerSweep {

  private final DueSweep sweep =
      new DueSweep("Flow timer sweep", Logger.getLogger(FlowTimerSweep.class.getName()));

  @Inject FlowTimers flows;
  @Inject Clock clock;
  @Inject SchemaMigration schema;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    sweep.run(
        schema,
        () -> {
          DueSweep.drain(
              limit -> flows.overdueConfirmations(clock.instant(), limit),
              flows::confirmationTimedOut);
          DueSweep.drain(limit -> flows.dueSchedules(clock.instant(), limit), flows::scheduleDue);
        });
  }
}
