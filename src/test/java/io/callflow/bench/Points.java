package io.callflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs measured points: before each, waits for the server to recover from the previous one, resets
 * the tables, lets the point set up what it needs and runs VACUUM ANALYZE; then a warm-up, ANALYZE
 * again, then two measured runs, each with the CPU, transactions and broker messages it cost less
 * what the idle server costs in as long. Prints a progress line per point.
 */
final class Points {

  /** One run of load for a given time; answers what the load generator saw. */
  interface Load {
    LoadResult run(Duration length) throws Exception;
  }

  /** What a point needs before its warm-up (a pool, a configured service, seeded data). */
  interface Setup {
    void prepare() throws Exception;
  }

  /** One measured run: the generator's view and what the run cost (idle subtracted). */
  record Run(LoadResult load, Usage cost) {

    double perRequest(double total) {
      long requests = load.requests();
      return requests == 0 ? Double.NaN : total / requests;
    }
  }

  /** A point's two runs, and how long the server took to recover before it. */
  record Point(String name, int connections, List<Run> runs, Duration recovery) {

    double meanPerSecond() {
      return runs.stream().mapToDouble(r -> r.load().perSecond()).average().orElse(0);
    }

    double meanOkPerSecond(String kind) {
      return runs.stream().mapToDouble(r -> r.load().okPerSecond(kind)).average().orElse(0);
    }

    long meanP50(String kind) {
      return Math.round(
          runs.stream().mapToLong(r -> r.load().kind(kind).p50us()).average().orElse(0));
    }
  }

  private final BenchStack stack;
  private final BenchSettings settings;
  private final long startedNanos = System.nanoTime();
  private Usage idle;
  private int done;
  private boolean lastStalled;

  Points(BenchStack stack, BenchSettings settings) {
    this.stack = stack;
    this.settings = settings;
  }

  /**
   * Measures what the idle server costs over one run's length (sweeps run every second), after
   * {@code settle} for the JIT compiler and the tables' reset to quieten down.
   */
  Usage measureIdle(Duration settle) throws Exception {
    recover();
    stack.resetTables();
    Thread.sleep(settle.toMillis());
    Usage before = stack.usage();
    Thread.sleep(settings.duration().toMillis());
    idle = stack.usage().minus(before);
    return idle;
  }

  Point measure(String name, int connections, Setup setup, Load load) throws Exception {
    Duration recovery = recover();
    stack.resetTables();
    setup.prepare();
    stack.vacuumAnalyze(); // after the point's own pool and seed, so the planner knows them
    load.run(settings.warmup());
    // as autovacuum would on a running server: the planner knows the tables as the warm-up left
    // them, not empty (statements prepared on empty tables' statistics keep sequential scans)
    stack.analyze();
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < settings.runs(); i++) {
      Usage before = stack.usage();
      LoadResult result = load.run(settings.duration());
      Usage cost = stack.usage().minus(before).lessIdle(idle);
      runs.add(new Run(result, cost));
    }
    Point point = new Point(name, connections, runs, recovery);
    LoadResult last = runs.get(runs.size() - 1).load();
    lastStalled = last.requests() == 0 && last.timeouts() + last.open() > 0;
    progress(point);
    return point;
  }

  /** Tells that the load just run stalled the server: the next recovery restarts it at once. */
  void stalled() {
    lastStalled = true;
  }

  /**
   * Waits for the server to recover from the previous point; one whose last run got no answer at
   * all is stalled, and is restarted unless it is quiet at once.
   */
  Duration recover() throws Exception {
    Duration patience = lastStalled ? Duration.ofSeconds(2) : settings.recoveryPatience();
    lastStalled = false;
    return stack.awaitRecovered(patience);
  }

  private void progress(Point point) {
    done++;
    StringBuilder line =
        new StringBuilder(
            String.format(
                "bench [%d, %s]: %s at %d: ",
                done,
                Format.clock(Duration.ofNanos(System.nanoTime() - startedNanos)),
                point.name(),
                point.connections()));
    for (Run run : point.runs()) {
      line.append(
          String.format(
              "%s req/s (%d not 2xx, %d timeouts)  ",
              Format.rate(run.load().perSecond()), run.load().notOk(), run.load().timeouts()));
    }
    if (point.recovery().toSeconds() > 5) {
      line.append("after ").append(point.recovery().toSeconds()).append(" s of recovery");
    }
    System.out.println(line.toString().strip());
  }
}
