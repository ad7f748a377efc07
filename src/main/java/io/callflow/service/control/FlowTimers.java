package io.callflow.service.control;

import io.callflow.routing.control.Routing;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.ServiceInstance;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The flows' own timers, kept as columns and fired by {@link FlowTimerSweep}: confirmations left
 * unanswered, and scheduled callbacks whose time came. Each fires in a transaction of its own, and
 * a late or repeated one changes nothing.
 */
@Stateless
public class FlowTimers {

  @PersistenceContext EntityManager em;
  @Inject InstanceEvents events;
  @Inject Routing routing;
  @Inject QueuedFlows flows;
  @Inject Clock clock;

  /** Scheduled callbacks whose time has come, for the sweep. */
  public List<String> dueSchedules(Instant now, int limit) {
    return em.createQuery(
            "SELECT i.id FROM ServiceInstance i WHERE i.scheduledFor <= :now ORDER BY i.scheduledFor",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * A scheduled callback's time came: it waits in its queue like any other (its own transaction).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void scheduleDue(String serviceId) {
    Instant now = clock.instant();
    routing.lock(serviceId);
    ServiceInstance instance =
        em.find(ServiceInstance.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
    if (instance == null
        || instance.scheduledFor().map(due -> due.isAfter(now)).orElse(!instance.may(Move.DUE))) {
      return; // moved to a later time, or moved on, since the sweep read it
    }
    if (InstanceEvents.mayOrIgnore(instance, Move.DUE, "a due schedule")) {
      events.publish(instance.due(now));
    } else {
      instance.scheduleLeftBehind();
    }
  }

  /** Instances whose customer was asked to confirm and has not answered in time, for the sweep. */
  public List<String> overdueConfirmations(Instant now, int limit) {
    return em.createQuery(
            "SELECT i.id FROM ServiceInstance i WHERE i.confirmDueAt <= :now ORDER BY i.confirmDueAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * A confirmation went unanswered: ask again while attempts remain, then follow {@code
   * _on_user_confirm_timeout}. Its own transaction; a late or repeated call changes nothing.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void confirmationTimedOut(String serviceId) {
    Instant now = clock.instant();
    routing.lock(serviceId);
    ServiceInstance instance =
        em.find(ServiceInstance.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
    if (instance == null
        || instance.confirmDueAt().map(due -> due.isAfter(now)).orElse(true)
        || !InstanceEvents.mayOrIgnore(instance, Move.ASK_TO_CONFIRM, "a confirmation timer")) {
      return;
    }
    flows.confirmationUnanswered(instance, now);
  }
}
