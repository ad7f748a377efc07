package io.callflow.routing.control;

import io.callflow.routing.entity.VirtualQueue;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/** Each queue's average handle time, learnt from the calls desktops report as completed. */
@Stateless
public class HandleTimes {

  /** Before a queue is configured or has seen a call. */
  static final Duration DEFAULT = Duration.ofSeconds(180);

  @PersistenceContext EntityManager em;

  public Duration of(String queue) {
    VirtualQueue found = em.find(VirtualQueue.class, queue);
    return found == null ? DEFAULT : found.handleTime(DEFAULT).average();
  }

  /** A queue nobody configured learns nothing: agents may name queues the operator never set up. */
  public void record(String queue, Duration observed) {
    VirtualQueue found = em.find(VirtualQueue.class, queue, LockModeType.PESSIMISTIC_WRITE);
    if (found != null) {
      found.recordHandleTime(observed, DEFAULT);
    }
  }
}
