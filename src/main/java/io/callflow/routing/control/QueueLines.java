package io.callflow.routing.control;

import io.callflow.platform.persistence.TransactionEnd;
import io.callflow.routing.entity.WaitingLine;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Each queue's line of waiting customers as this server last read it. Apps poll their position
 * every few seconds, so a count over the queue per poll made the polls' cost grow with the square
 * of the queue; with the line a poll is a binary search, and the queue is read once per change.
 *
 * <p>A line is read again after this server changed its queue (the change counts once its
 * transaction has ended, so whoever saw the change's answer then sees the new line) and when it is
 * older than {@link #FRESH_FOR}, which bounds how late a change made by another server instance
 * shows. Pollers that arrive while a line is being read take that reading.
 */
@ApplicationScoped
public class QueueLines {

  /** How long a line answers without being read again, when this server did not change it. */
  static final Duration FRESH_FOR = Duration.ofSeconds(1);

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  private final ConcurrentMap<String, Queue> queues = new ConcurrentHashMap<>();

  private static final class Queue {
    final AtomicLong changes = new AtomicLong();
    final ReentrantLock reading = new ReentrantLock();
    volatile WaitingLine line;
  }

  /**
   * The line of {@code queue}, read in the caller's transaction if the last one is stale; empty
   * when that transaction changed the queue itself, whose reading no other request may share.
   */
  Optional<WaitingLine> of(String queue) {
    if (changedHere(queue)) {
      return Optional.empty();
    }
    Queue state = queues.computeIfAbsent(queue, q -> new Queue());
    long wanted = state.changes.get();
    WaitingLine line = state.line;
    if (usable(line, wanted)) {
      return Optional.of(line);
    }
    state.reading.lock();
    try {
      line = state.line;
      if (!usable(line, wanted)) {
        line = read(queue, state.changes.get());
        state.line = line;
      }
      return Optional.of(line);
    } finally {
      state.reading.unlock();
    }
  }

  /**
   * The caller's transaction changes who waits in {@code queue}: its line is stale from then on.
   */
  void changing(String queue) {
    String key = key(queue);
    if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
      if (transactions.getResource(key) != null) {
        return; // counted once, when this transaction ends
      }
      transactions.putResource(key, Boolean.TRUE);
    }
    // once the change is visible: a line read before is stale from now on
    TransactionEnd.afterwards(transactions, () -> changed(queue));
  }

  private boolean changedHere(String queue) {
    return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION
        && transactions.getResource(key(queue)) != null;
  }

  private void changed(String queue) {
    queues.computeIfAbsent(queue, q -> new Queue()).changes.incrementAndGet();
  }

  private static boolean usable(WaitingLine line, long wanted) {
    return line != null
        && line.version() >= wanted
        && System.nanoTime() - line.readAtNanos() < FRESH_FOR.toNanos();
  }

  private WaitingLine read(String queue, long version) {
    long readAt = System.nanoTime();
    List<?> rows =
        em.createNativeQuery(
                "SELECT queued_since, service_id FROM queue_entry"
                    + " WHERE queue_name = ?1 AND agent_id IS NULL ORDER BY queued_since, service_id")
            .setParameter(1, queue)
            .getResultList();
    List<WaitingLine.Place> places = new ArrayList<>(rows.size());
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      places.add(new WaitingLine.Place(((Timestamp) columns[0]).toInstant(), (String) columns[1]));
    }
    return WaitingLine.of(version, readAt, places);
  }

  private static String key(String queue) {
    return QueueLines.class.getName() + "|" + queue;
  }
}
