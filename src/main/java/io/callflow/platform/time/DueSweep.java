package io.callflow.platform.time;

import io.callflow.platform.persistence.SchemaMigration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One every-second sweep of due-time columns: it runs only once the schema is migrated and never
 * overlaps itself; each due item is handled on its own (in a transaction of its own, by the
 * handler), a batch at a time, and a failed run is logged and retried on the next tick.
 */
public final class DueSweep {

  static final int BATCH = 200;

  private final String name;
  private final Logger log;
  private final AtomicBoolean running = new AtomicBoolean();

  public DueSweep(String name, Logger log) {
    this.name = name;
    this.log = log;
  }

  /** Runs {@code sweep} now unless the schema is not ready or the previous run has not finished. */
  public void run(SchemaMigration schema, Runnable sweep) {
    if (!schema.outcome().succeeded() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      sweep.run();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, name + " failed; retried next second", e);
    } finally {
      running.set(false);
    }
  }

  /**
   * Hands every id {@code due} answers to {@code handle}, asking again while batches come back
   * full.
   */
  public static void drain(IntFunction<List<String>> due, Consumer<String> handle) {
    List<String> batch;
    do {
      batch = due.apply(BATCH);
      batch.forEach(handle);
    } while (batch.size() == BATCH);
  }
}
