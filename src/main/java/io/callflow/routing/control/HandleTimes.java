package io.callflow.routing.control;

import io.callflow.platform.persistence.TransactionEnd;
import io.callflow.routing.entity.VirtualQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each queue's average handle time, learnt from the calls desktops report as completed. Every
 * position's EWT needs it, so it is read from the database at most once a second per queue, and at
 * once after this server committed a new one (learnt or configured); in the caller's transaction.
 */
@ApplicationScoped
public class HandleTimes {

  /** Before a queue is configured or has seen a call. */
  static final Duration DEFAULT = Duration.ofSeconds(180);

  private static final long FRESH_NANOS = QueueLines.FRESH_FOR.toNanos();

  private record Known(Duration average, long readAtNanos) {}

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

  /** When each queue's handle time last changed here: a reading begun before is stale. */
  private final ConcurrentMap<String, Long> changedAtNanos = new ConcurrentHashMap<>();

  public Duration of(String queue) {
    Known last = known.get(queue);
    Long changedAt = changedAtNanos.get(queue);
    if (last != null
        && System.nanoTime() - last.readAtNanos() < FRESH_NANOS
        && (changedAt == null || last.readAtNanos() - changedAt > 0)) {
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

  /**
   * The caller's transaction changes the queue's handle time: once it has ended, the next EWT reads
   * it again. Forgetting earlier would let a reading made before the commit stand for a second.
   */
  void forget(String queue) {
    TransactionEnd.afterwards(transactions, () -> changed(queue));
  }

  private void changed(String queue) {
    changedAtNanos.put(queue, System.nanoTime());
    known.remove(queue);
  }
}
