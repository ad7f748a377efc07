package io.callflow.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts committed pool changes made on this server, so the allocator knows at once (without a
 * lock) that its catalogue is older than a change and reads that pool anew until the next refresh.
 */
@ApplicationScoped
public class PoolChanges {

  /** Sent by whatever changed a pool's configuration; counted once its transaction commits. */
  public record Changed(String pool) {}

  private final AtomicLong generation = new AtomicLong();

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
    generation.incrementAndGet();
  }

  public long generation() {
    return generation.get();
  }
}
