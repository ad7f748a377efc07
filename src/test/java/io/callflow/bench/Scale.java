package io.callflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The hot path as data grows — larger pools, much history, many queued customers — and with a
 * second server instance on the same database and broker. An allocation should not cost more as the
 * data grows.
 */
final class Scale {

  private final BenchStack stack;
  private final BenchSettings settings;
  private final Points points;
  private final HotPath hotPath;
  private final ProductSetup setup;
  private final Wrk wrk;
  private final Ceilings ceilings;
  private final List<Points.Point> measured = new ArrayList<>();
  private final Map<Points.Point, Points.Point> bracketing = new LinkedHashMap<>();
  private final List<String> skipped = new ArrayList<>();

  Scale(
      BenchStack stack,
      BenchSettings settings,
      Points points,
      Ceilings ceilings,
      HotPath hotPath,
      ProductSetup setup,
      Wrk wrk) {
    this.stack = stack;
    this.settings = settings;
    this.points = points;
    this.ceilings = ceilings;
    this.hotPath = hotPath;
    this.setup = setup;
    this.wrk = wrk;
  }

  void measure() throws Exception {
    int c = settings.scaleConnections();
    for (int size : settings.poolSizes()) {
      measured.add(
          pairPoint(
              String.format("pool of %,d", size),
              c,
              () -> setup.interactionOn(setup.pool("LOCKING", size, 30))));
    }
    try {
      measured.add(
          pairPoint(
              String.format("%,d ended calls", settings.endedSeed()),
              c,
              () -> {
                String pool = setup.pool("LOCKING", HotPath.POOL_SIZE, 30);
                SeedData.endedCalls(stack.sql(), pool, settings.endedSeed());
                setup.interactionOn(pool);
              }));
    } catch (java.sql.SQLException e) {
      skipped.add("ended calls not seeded: " + e.getMessage());
    }
    for (int queued : settings.queuedSeeds()) {
      measured.add(
          pairPoint(
              String.format("%,d queued", queued),
              c,
              () -> {
                String queue = "bench-waiting-" + queued;
                setup.queue(queue);
                String pool = setup.pool("LOCKING", 10, 120);
                setup.service("bench-waiting", "request-inbound-delay", pool, queueOption(queue));
                Flows.queueCustomers(stack.gms(), "bench-waiting", queued, null);
                setup.interactionOn(setup.pool("LOCKING", HotPath.POOL_SIZE, 30));
              }));
    }
    if (!settings.quick()) { // a second server's boot alone takes most of a minute
      twoInstances(c);
    }
  }

  private Points.Point pairPoint(String name, int connections, Points.Setup prepare)
      throws Exception {
    return hotPath.bracketedPairPoint(name, connections, prepare, ceilings, bracketing);
  }

  private void twoInstances(int connections) throws Exception {
    String second = stack.startAnotherServer().baseUrl();
    try {
      String first = stack.baseUrl();
      measured.add(
          ceilings.measureBeside(
              "two instances",
              connections,
              () -> setup.interactionOn(setup.pool("LOCKING", HotPath.POOL_SIZE, 30)),
              length -> {
                var one = CompletableFuture.supplyAsync(() -> pair(first, connections / 2, length));
                var two =
                    CompletableFuture.supplyAsync(() -> pair(second, connections / 2, length));
                return merge(one.join(), two.join());
              },
              bracketing));
    } finally {
      stack.stopOthers();
    }
  }

  private LoadResult pair(String base, int connections, java.time.Duration length) {
    try {
      return wrk.pair(
          base, HotPath.REQUEST_INTERACTION, HotPath.MATCH_INTERACTION, connections, length);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Both generators' answers together; latency percentiles are the higher of the two. */
  static LoadResult merge(LoadResult a, LoadResult b) {
    Map<String, LoadResult.Kind> kinds = new LinkedHashMap<>(a.kinds());
    b.kinds()
        .forEach(
            (name, k) ->
                kinds.merge(
                    name,
                    k,
                    (x, y) -> {
                      Map<String, Long> statuses = new java.util.TreeMap<>(x.statuses());
                      y.statuses().forEach((s, n) -> statuses.merge(s, n, Long::sum));
                      return new LoadResult.Kind(
                          x.count() + y.count(),
                          statuses,
                          x.late() + y.late(),
                          x.open() + y.open(),
                          x.openLate() + y.openLate(),
                          Math.max(x.p50us(), y.p50us()),
                          Math.max(x.p99us(), y.p99us()),
                          Math.max(x.p999us(), y.p999us()),
                          Math.max(x.maxUs(), y.maxUs()));
                    }));
    return new LoadResult(
        Math.max(a.seconds(), b.seconds()), kinds, a.generatorCpuMs() + b.generatorCpuMs());
  }

  /**
   * Each point's throughput as a share of the first point's (the smallest pool), as measured and
   * with each read against the ceiling beside it, which takes out the machine's drift between them.
   */
  private String againstFirst() {
    Points.Point first = measured.get(0);
    List<String> shares = new ArrayList<>();
    for (Points.Point point : measured.subList(1, measured.size())) {
      double share = point.meanPerSecond() / first.meanPerSecond();
      double againstCeilings =
          share * bracketing.get(first).meanPerSecond() / bracketing.get(point).meanPerSecond();
      shares.add(
          String.format(
              java.util.Locale.ROOT,
              "%s %.0f %% (%.0f %%)",
              point.name(),
              100 * share,
              100 * againstCeilings));
    }
    return "Throughput as a share of the "
        + first.name()
        + "'s (mean of the two runs; in brackets, each against the ceiling beside it): "
        + String.join("; ", shares)
        + ".";
  }

  private static String queueOption(String queue) {
    return "\"_queue\":\"" + queue + "\"";
  }

  void report(Report report) {
    report.heading("Scale");
    report.paragraph(
        "The hot path at "
            + settings.scaleConnections()
            + " connections, beside the `HTTP + one commit` ceiling run right before and right"
            + " after each point's runs (as in the hot path): on pools of growing size; on a pool"
            + " of "
            + HotPath.POOL_SIZE
            + " with ended calls (instances and matched bookings on the pool's numbers, seeded by"
            + " SQL); with customers queued (request-inbound-delay, no agent); and spread over two"
            + " server instances on one database and broker (one wrk per instance, half the"
            + " connections each; latency is the higher of the two; server CPU is both JVMs').");
    report.table(HotPath.pairHeaders(), HotPath.pairRows(measured, bracketing::get));
    if (measured.size() > 1) {
      report.paragraph(againstFirst());
    }
    HotPath.bracketingTable(report, bracketing);
    skipped.forEach(s -> report.line("- " + s));
    if (!skipped.isEmpty()) {
      report.line("");
    }
  }
}
