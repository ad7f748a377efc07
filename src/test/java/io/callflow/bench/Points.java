package io.callflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs measured points: before each, waits for the server to recover from the previous one, resets
 * the tables, lets the point set up what it needs and runs VACUUM ANALYZE; then a warm-up (longer
 * while the JIT compiler is busy; the bookings each step leaves live are expired after it), ANALYZE
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

  /**
   * A point's two runs, how long the server took to recover before it, and how long it was warmed
   * up.
   */
  record Point(String name, int connections, List<Run> runs, Duration recovery, Duration warmedUp) {

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

  /** The longest warm-up of a point while the compiler is busy. */
  static final Duration MOST_WARM_UP = Duration.ofSeconds(60);

  /** An idle server using more than this share of one core is looked into. */
  private static final double BUSY_IDLE_SHARE = 0.2;

  private final BenchStack stack;
  private final BenchSettings settings;
  private final long startedNanos = System.nanoTime();
  private Usage idle;
  private String busyIdle;
  private int busyIdles;
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
    long pid = stack.stack().serverPid();
    Map<String, Double> threadsBefore = ProcessCpu.byThread(pid);
    Usage before = stack.usage();
    Thread.sleep(settings.duration().toMillis());
    idle = stack.usage().minus(before);
    busyIdle = null;
    if (idle.serverCpuMs() > BUSY_IDLE_SHARE * 1000 * idle.seconds()) {
      busyIdle = busiestThreads(threadsBefore, ProcessCpu.byThread(pid), idle.seconds());
      String dump = "threads-idle-" + ++busyIdles + ".txt";
      Profiler.threadDump(pid, settings.workDir().resolve(dump));
      busyIdle += "; thread dump `target/bench/" + dump + "`";
      System.out.println("bench: the idle server is busy: " + busyIdle);
    }
    return idle;
  }

  /**
   * When the last idle measurement found the server busy: its busiest threads over that time and
   * where the thread dump taken at its end is.
   */
  Optional<String> busyIdle() {
    return Optional.ofNullable(busyIdle);
  }

  private static String busiestThreads(
      Map<String, Double> before, Map<String, Double> after, double seconds) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(5)
        .map(
            e ->
                String.format(
                    java.util.Locale.ROOT, "%s %.0f ms/s", e.getKey(), e.getValue() / seconds))
        .collect(Collectors.joining(", "));
  }

  Point measure(String name, int connections, Setup setup, Load load) throws Exception {
    Readied readied = ready(setup, load);
    return measured(name, connections, runs(load, settings.runs()), readied);
  }

  /**
   * Measures a point as {@link #measure} does, with a run of {@code ceiling} right before its runs
   * and another right after them: a ceiling measured in the same minutes, whose mean a drift of the
   * machine's speed over those minutes changes as much as the point's.
   */
  Bracketed measureBracketed(
      String name, int connections, Setup setup, Load load, String ceilingName, Load ceiling)
      throws Exception {
    Readied readied = ready(setup, load);
    ceiling.run(settings.warmup()); // its code may have cooled since the ceilings' section
    List<Run> ceilingRuns = new ArrayList<>(runs(ceiling, 1));
    List<Run> runs = runs(load, settings.runs());
    ceilingRuns.addAll(runs(ceiling, 1));
    Point bracket = new Point(ceilingName, connections, ceilingRuns, Duration.ZERO, Duration.ZERO);
    progress(bracket);
    return new Bracketed(measured(name, connections, runs, readied), bracket);
  }

  /** How long the server took to recover before a point, and how long it was warmed up. */
  private record Readied(Duration recovery, Duration warmedUp) {}

  private Readied ready(Setup setup, Load load) throws Exception {
    Duration recovery = recover();
    stack.resetTables();
    setup.prepare();
    stack.vacuumAnalyze(); // after the point's own pool and seed, so the planner knows them
    Duration warmedUp = warmUp(load);
    // as autovacuum would on a running server: the planner knows the tables as the warm-up left
    // them, not empty (statements prepared on empty tables' statistics keep sequential scans)
    stack.analyze();
    return new Readied(recovery, warmedUp);
  }

  /** A point and the ceiling measured right before and right after its runs. */
  record Bracketed(Point point, Point ceiling) {}

  private List<Run> runs(Load load, int count) throws Exception {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Usage before = stack.usage();
      LoadResult result = load.run(settings.duration());
      Usage cost = stack.usage().minus(before).lessIdle(idle);
      runs.add(new Run(result, cost));
    }
    return runs;
  }

  private Point measured(String name, int connections, List<Run> runs, Readied readied) {
    Point point = new Point(name, connections, runs, readied.recovery(), readied.warmedUp());
    LoadResult last = runs.get(runs.size() - 1).load();
    lastStalled = last.requests() == 0 && last.timeouts() + last.open() > 0;
    progress(point);
    return point;
  }

  /**
   * Runs the point's warm-up, then more of it while the JIT compiler is busy ({@link
   * Usage#compilerQuiet()}), at most {@link #MOST_WARM_UP}: the runs measure the server's compiled
   * code, not its compilation.
   */
  private Duration warmUp(Load load) throws Exception {
    Duration warmedUp = Duration.ZERO;
    Usage cost;
    do {
      Usage before = stack.usage();
      load.run(settings.warmup());
      cost = stack.usage().minus(before);
      warmedUp = warmedUp.plus(settings.warmup());
      // short steps at many connections would otherwise leave the pool exhausted by bookings that
      // requests in flight at each step's end made and nothing will match
      stack.expireLiveBookings(Duration.ofSeconds(10));
    } while (!cost.compilerQuiet() && warmedUp.compareTo(MOST_WARM_UP) < 0);
    return warmedUp;
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
              "%s req/s (%d not 2xx, %d timeouts, compiler %.0f %%)  ",
              Format.rate(run.load().perSecond()),
              run.load().notOk(),
              run.load().timeouts(),
              100 * run.cost().compilerShare()));
    }
    if (point.warmedUp().compareTo(settings.warmup()) > 0) {
      line.append("after ").append(point.warmedUp().toSeconds()).append(" s of warm-up ");
    }
    if (point.recovery().toSeconds() > 5) {
      line.append("after ").append(point.recovery().toSeconds()).append(" s of recovery");
    }
    System.out.println(line.toString().strip());
  }
}
