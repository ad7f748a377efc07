package io.callflow.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * App threads, each one customer at a time: a journey picked by weight, a pause, the next, until
 * new work stops; then each finishes the journey it is on (which always ends: customers give up).
 */
final class SimulatedApps {

  /** A journey and its share of the customers. */
  private record Weighted(int weight, Runnable journey) {}

  private final List<Weighted> journeys;
  private final int totalWeight;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean startingNewWork = true;

  SimulatedApps(AccessJourneys access, QueuedJourneys queued, CallbackJourneys callbacks) {
    journeys =
        List.of(
            new Weighted(30, access::interaction),
            new Weighted(15, access::inboundImmediate),
            new Weighted(15, queued::inboundDelay),
            new Weighted(15, queued::inboundPoll),
            new Weighted(10, callbacks::outboundImmediate),
            new Weighted(10, callbacks::callbackApi));
    totalWeight = journeys.stream().mapToInt(Weighted::weight).sum();
  }

  void start(int apps) {
    for (int i = 1; i <= apps; i++) {
      Thread app = new Thread(this::run, "soak-app-" + i);
      threads.add(app);
      app.start();
    }
  }

  /** No new journeys from now on. */
  void stopStarting() {
    startingNewWork = false;
  }

  /**
   * Waits for every app to finish its journey, up to {@code timeout}; false if some are still on
   * one.
   */
  boolean awaitFinished(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread app : threads) {
      app.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return threads.stream().noneMatch(Thread::isAlive);
  }

  void interrupt() {
    threads.forEach(Thread::interrupt);
  }

  private void run() {
    while (startingNewWork && !Thread.currentThread().isInterrupted()) {
      pick().run();
      Pace.pause(100, 300);
    }
  }

  private Runnable pick() {
    int roll = ThreadLocalRandom.current().nextInt(totalWeight);
    for (Weighted weighted : journeys) {
      roll -= weighted.weight();
      if (roll < 0) {
        return weighted.journey();
      }
    }
    throw new IllegalStateException("weights do not add up");
  }
}
