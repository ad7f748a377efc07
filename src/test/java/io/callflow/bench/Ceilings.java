package io.callflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ceilings, measured in the same run through the same load generator as the product: a trivial
 * JAX-RS POST; a JAX-RS POST doing one allocate-or-release transaction over plain JDBC (a call is
 * an allocate and a release); the same two transactions from JDBC threads with no HTTP.
 */
final class Ceilings {

  static final String HTTP = "HTTP";
  static final String HTTP_COMMIT = "HTTP + one commit";
  static final String DATABASE = "database alone";

  private final BenchStack stack;
  private final BenchSettings settings;
  private final Points points;
  private final Wrk wrk;
  private final Map<String, Map<Integer, Points.Point>> measured = new LinkedHashMap<>();

  Ceilings(BenchStack stack, BenchSettings settings, Points points, Wrk wrk) {
    this.stack = stack;
    this.settings = settings;
    this.points = points;
    this.wrk = wrk;
  }

  void measure() throws Exception {
    String base = stack.baseUrl();
    String bench = BenchWar.CONTEXT_ROOT;
    for (int c : settings.connections()) {
      record(
          HTTP,
          points.measure(
              "ceiling " + HTTP,
              c,
              () -> {},
              length -> wrk.single(base, "POST", bench + "/echo", c, length)));
    }
    for (int c : settings.connections()) {
      record(HTTP_COMMIT, httpCommitPoint(c));
    }
    var db = stack.stack();
    for (int c : settings.connections()) {
      String url = db.jdbcUrl();
      record(
          DATABASE,
          points.measure(
              "ceiling " + DATABASE,
              c,
              () -> {},
              new DatabaseCeiling(
                  url,
                  io.callflow.launcher.EmbeddedDatabase.USER,
                  io.callflow.launcher.EmbeddedDatabase.PASSWORD,
                  c)));
    }
  }

  private Points.Point httpCommitPoint(int connections) throws Exception {
    return points.measure(
        "ceiling " + HTTP_COMMIT, connections, () -> {}, httpCommitLoad(connections));
  }

  /**
   * Measures {@code load} as a point with the HTTP + one commit ceiling run right before and right
   * after its runs ({@link Points#measureBracketed}); {@code beside} keeps that ceiling by the
   * point.
   */
  Points.Point measureBeside(
      String name,
      int connections,
      Points.Setup setup,
      Points.Load load,
      Map<Points.Point, Points.Point> beside)
      throws Exception {
    Points.Bracketed measured =
        points.measureBracketed(
            name,
            connections,
            setup,
            load,
            "ceiling " + HTTP_COMMIT + " beside " + name,
            httpCommitLoad(connections));
    beside.put(measured.point(), measured.ceiling());
    return measured.point();
  }

  private Points.Load httpCommitLoad(int connections) {
    String bench = BenchWar.CONTEXT_ROOT;
    return length ->
        wrk.pair(stack.baseUrl(), bench + "/allocate", bench + "/release", connections, length);
  }

  private void record(String ceiling, Points.Point point) {
    measured.computeIfAbsent(ceiling, k -> new LinkedHashMap<>()).put(point.connections(), point);
  }

  void report(Report report) {
    report.heading("Ceilings");
    report.paragraph(
        "What this server, database and machine allow at best, through the same load generator:"
            + " `"
            + HTTP
            + "` is a JAX-RS POST answering a small JSON object (ceiling WAR, `/bench/echo`);"
            + " `"
            + HTTP_COMMIT
            + "` is a JAX-RS POST doing one allocate or release transaction with plain JDBC"
            + " (`SELECT … FOR UPDATE SKIP LOCKED LIMIT 1` on a free number, update it, insert or"
            + " delete a booking, commit) through its own non-XA pool of 32 without validation;"
            + " one call is an allocate then a release on the same connection, so calls/s is half"
            + " of req/s; `"
            + DATABASE
            + "` runs the same two transactions from JDBC threads of the benchmark JVM, one"
            + " connection each up to "
            + DatabaseCeiling.MAX_CONNECTIONS
            + " (more threads share "
            + DatabaseCeiling.MAX_CONNECTIONS
            + "); its generator CPU is that JVM's, which also hosts the broker.");
    for (var entry : measured.entrySet()) {
      report.line("**" + entry.getKey() + "**").line("");
      List<List<String>> rows = new ArrayList<>();
      for (Points.Point point : entry.getValue().values()) {
        rows.addAll(Rows.of(point, entry.getKey().equals(HTTP) ? "single" : "first"));
      }
      report.table(Rows.headers(), rows);
      if (!entry.getKey().equals(HTTP)) {
        report.paragraph(
            "Latency columns: the allocate transaction; req/s counts allocates and releases.");
      }
    }
  }
}
