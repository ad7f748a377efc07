package io.callflow.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How a commit tells the relay that rows are waiting: a plain in-memory signal, so a request pays
 * for one semaphore release after its commit and nothing more.
 */
@ApplicationScoped
public class OutboxSignal {

  private final Semaphore permits = new Semaphore(0);

  /** Rows were committed (or the relay should look now). */
  public void wake() {
    permits.release();
  }

  /** Waits until woken or the time has passed; wakes that came meanwhile are taken with it. */
  void await(long millis) throws InterruptedException {
    permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
    permits.drainPermits();
  }
}
