package io.callflow.routing.control;

import io.callflow.routing.entity.VirtualQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each queue's average handle time, learnt from the calls desktops report as completed. Every
 * position's EWT needs it, so it is read from the database at most once a second per queue, and at
 * once after this server learnt or configured it; in the caller's transaction.
 */
@ApplicationScoped
public class HandleTimes {

  /** Before a queue is configured or has seen a call. */
  static final Duration DEFAULT = Duration.ofSeconds(180);

  private static final long FRESH_NANOS = QueueLines.FRESH_FOR.toNanos();

  private record Known(Duration average, long readAtNanos) {}

  @PersistenceContext EntityManager em;

  private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

  public Duration of(String queue) {
    Known last = known.get(queue);
    if (last != null && System.nanoTime() - last.readAtNanos() < FRESH_NANOS) {
      return last.average();
    }
    long readAt = System.nanoTime();
    VirtualQueue found = em.find(VirtualQueue.class, queue);
    Duration average = found == null ? DEFAULT : found.handleTime(DEFAULT).average();
    known.put(queue, new Known(average, readAt));
    return average;
  }

  /** A queue nobody configured learns nothing: agents may name queues the operator never set up. */
  public void record(String queue, Duration observed) {
    VirtualQueue found = em.find(VirtualQueue.class, queue, LockModeType.PESSIMISTIC_WRITE);
    if (found != null) {
      found.recordHandleTime(observed, DEFAULT);
    }
    forget(queue);
  }

  /** The queue's handle time changed on this server: the next EWT reads it again. */
  void forget(String queue) {
    known.remove(queue);
  }
}
