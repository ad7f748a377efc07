package io.callflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The product's hot path: request-interaction + match-interaction pairs on a locking pool (each
 * point its own fresh pool), beside the HTTP + one commit ceiling at the same connection count;
 * request-interaction alone on a shared pool; and reading an instance.
 */
final class HotPath {

  static final String REQUEST_INTERACTION = "/genesys/1/service/request-interaction";
  static final String MATCH_INTERACTION = "/genesys/1/service/match-interaction";
  static final int POOL_SIZE = 1_000;

  /** Customers waiting in the queue whose position is polled. */
  static final int POLLED_QUEUE = 1_000;

  private final BenchStack stack;
  private final BenchSettings settings;
  private final Points points;
  private final Wrk wrk;
  private final ProductSetup setup;
  private final List<Points.Point> pairs = new ArrayList<>();
  private final Map<Points.Point, Points.Point> bracketing = new LinkedHashMap<>();
  private final List<Points.Point> shared = new ArrayList<>();
  private final List<Points.Point> reads = new ArrayList<>();
  private final List<Points.Point> polls = new ArrayList<>();
  private final List<String> commitToBroker = new ArrayList<>();

  HotPath(BenchStack stack, BenchSettings settings, Points points, Wrk wrk, ProductSetup setup) {
    this.stack = stack;
    this.settings = settings;
    this.points = points;
    this.wrk = wrk;
    this.setup = setup;
  }

  /** The pair points, each bracketed by runs of {@code ceilings}' HTTP + one commit. */
  void measure(Ceilings ceilings) throws Exception {
    for (int c : settings.connections()) {
      pairs.add(
          bracketedPairPoint(
              "hot path",
              c,
              () -> setup.interactionOn(setup.pool("LOCKING", POOL_SIZE, 30)),
              ceilings,
              bracketing));
      commitToBroker.add(c + ": " + commitToBroker());
    }
  }

  /** A pair point with the HTTP + one commit ceiling beside it ({@link Ceilings#measureBeside}). */
  Points.Point bracketedPairPoint(
      String name,
      int connections,
      Points.Setup prepare,
      Ceilings ceilings,
      Map<Points.Point, Points.Point> bracketing)
      throws Exception {
    return ceilings.measureBeside(name, connections, prepare, pairs(connections), bracketing);
  }

  /**
   * The server's commit-to-broker quantiles, read right after a point: its reservoir favours the
   * last minutes, so they are mostly that point's last run.
   */
  private String commitToBroker() {
    String metrics = stack.gms().get("/metrics?scope=application").body();
    return "p50 " + quantile(metrics, "0.5") + " ms, p99 " + quantile(metrics, "0.99") + " ms";
  }

  private static String quantile(String metrics, String quantile) {
    String prefix = "callflow_outbox_commit_to_broker_seconds{";
    String suffix = "quantile=\"" + quantile + "\"}";
    return metrics
        .lines()
        .filter(line -> line.startsWith(prefix) && line.contains(suffix))
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .map(seconds -> String.format("%.1f", Double.parseDouble(seconds) * 1000))
        .findFirst()
        .orElse("?");
  }

  void measureOthers() throws Exception {
    String base = stack.baseUrl();
    for (int c : settings.otherConnections()) {
      shared.add(
          points.measure(
              "request-interaction, shared pool",
              c,
              () -> setup.interactionOn(setup.pool("SHARED", POOL_SIZE, 30)),
              length -> wrk.single(base, "POST", REQUEST_INTERACTION, c, length)));
    }
    String[] instance = new String[1];
    for (int c : settings.otherConnections()) {
      reads.add(
          points.measure(
              "GET /genesys/1/service/{id}",
              c,
              () -> instance[0] = createInstance(),
              length -> wrk.single(base, "GET", "/genesys/1/service/" + instance[0], c, length)));
    }
    String[] polled = new String[1];
    for (int c : settings.otherConnections()) {
      polls.add(
          points.measure(
              String.format("check-queue-position, %,d customers waiting", POLLED_QUEUE),
              c,
              () -> polled[0] = queuedCustomer(),
              length ->
                  wrk.single(
                      base,
                      "GET",
                      "/genesys/1/service/" + polled[0] + "/check-queue-position",
                      c,
                      length)));
    }
  }

  /** One of {@link #POLLED_QUEUE} customers of request-inbound-poll waiting with no agent. */
  private String queuedCustomer() throws Exception {
    setup.queue("bench-polled");
    setup.service(
        "bench-polled",
        "request-inbound-poll",
        setup.pool("LOCKING", 10, 120),
        "\"_queue\":\"bench-polled\"");
    List<String> waiting = Flows.queueCustomers(stack.gms(), "bench-polled", POLLED_QUEUE, null);
    return waiting.get(waiting.size() / 2);
  }

  private Points.Load pairs(int connections) {
    String base = stack.baseUrl();
    return length -> wrk.pair(base, REQUEST_INTERACTION, MATCH_INTERACTION, connections, length);
  }

  private String createInstance() {
    setup.interactionOn(setup.pool("LOCKING", 10, 1800));
    return ProductSetup.require(stack.gms().post(REQUEST_INTERACTION), "create an instance")
        .json()
        .getString("_id");
  }

  void report(Report report) {
    report.heading("Hot path: request-interaction + match-interaction");
    report.paragraph(
        "Pairs on one connection: POST request-interaction (the built-in service pointed at a"
            + " fresh locking pool of "
            + POOL_SIZE
            + " numbers for each point), then POST match-interaction with the `_access_number`"
            + " and `_access_code` it answered. A call is a pair: calls/s is half of req/s. In"
            + " brackets, the ratio to the `HTTP + one commit` ceiling at the same connections,"
            + " run once right before the point's two runs and once right after them (the mean"
            + " of those two runs, below the table), so that a drift of the machine's speed over"
            + " those minutes moves both alike: throughput as a fraction of the ceiling's, latency"
            + " as a multiple of the ceiling's allocate or release.");
    report.table(pairHeaders(), pairRows(pairs, bracketing::get));
    bracketingTable(report, bracketing);
    report.paragraph(
        "Commit to broker (the server's `callflow_outbox_commit_to_broker_seconds`, read"
            + " after each point; its reservoir favours the last minutes), by connections: "
            + String.join("; ", commitToBroker)
            + ".");
    report.heading("Other requests");
    report.paragraph(
        "request-interaction alone on a shared pool of "
            + POOL_SIZE
            + " numbers (bookings of 30 s, never matched); GET of one instance; and"
            + " check-queue-position of one customer among "
            + String.format("%,d", POLLED_QUEUE)
            + " waiting (request-inbound-poll, no agent logged in).");
    for (var set : List.of(shared, reads, polls)) {
      if (set.isEmpty()) {
        continue;
      }
      report.line("**" + set.get(0).name() + "**").line("");
      List<List<String>> rows = new ArrayList<>();
      set.forEach(p -> rows.addAll(Rows.of(p, "single")));
      report.table(Rows.headers(), rows);
    }
  }

  /** The ceiling's runs beside each point: run 1 before the point's runs, run 2 after them. */
  static void bracketingTable(Report report, Map<Points.Point, Points.Point> bracketing) {
    report.line("**The ceiling beside each point** (run 1 before the point's runs, 2 after)");
    report.line("");
    List<List<String>> rows = new ArrayList<>();
    bracketing.forEach(
        (point, ceiling) ->
            Rows.of(ceiling, "first")
                .forEach(
                    row -> {
                      row.set(0, row.get(0) + " " + point.name());
                      rows.add(row);
                    }));
    report.table(Rows.headers(), rows);
  }

  static List<String> pairHeaders() {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "conns",
                "run",
                "req/s",
                "calls/s",
                "request-interaction p50 / p99 / max ms",
                "match-interaction p50 / p99 / max ms",
                "not 2xx",
                "timeouts (+ held at end)"));
    headers.addAll(Rows.COST_HEADERS);
    return headers;
  }

  /** Rows of pair points, each beside {@code ceilingOf} it (null: none). */
  static List<List<String>> pairRows(
      List<Points.Point> measured,
      java.util.function.Function<Points.Point, Points.Point> ceilingOf) {
    List<List<String>> rows = new ArrayList<>();
    for (Points.Point point : measured) {
      Points.Point ceiling = ceilingOf.apply(point);
      int index = 1;
      for (Points.Run run : point.runs()) {
        LoadResult load = run.load();
        List<String> row = new ArrayList<>();
        row.add(point.connections() + (point.name().equals("hot path") ? "" : " " + point.name()));
        row.add(String.valueOf(index++));
        row.add(
            Format.rate(load.perSecond())
                + (ceiling == null
                    ? ""
                    : " (" + Format.ratio(load.perSecond(), ceiling.meanPerSecond()) + ")"));
        row.add(
            Format.rate(load.okPerSecond("second"))
                + (ceiling == null
                    ? ""
                    : " ("
                        + Format.ratio(
                            load.okPerSecond("second"), ceiling.meanOkPerSecond("second"))
                        + ")"));
        row.add(latencies(load.kind("first"), ceiling == null ? 0 : ceiling.meanP50("first")));
        row.add(latencies(load.kind("second"), ceiling == null ? 0 : ceiling.meanP50("second")));
        row.add(String.valueOf(load.notOk()));
        row.add(Rows.timeouts(load));
        row.addAll(Rows.costs(run));
        rows.add(row);
      }
    }
    return rows;
  }

  private static String latencies(LoadResult.Kind kind, long ceilingP50) {
    return Format.ms(kind.p50us())
        + (ceilingP50 == 0 || kind.p50us() == 0
            ? ""
            : " (×" + Format.ratio(kind.p50us(), ceilingP50) + ")")
        + " / "
        + Format.ms(kind.p99us())
        + " / "
        + Format.ms(kind.maxUs());
  }
}
