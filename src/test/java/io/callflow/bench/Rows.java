package io.callflow.bench;

import java.util.ArrayList;
import java.util.List;

/** The report's table rows for measured points. */
final class Rows {

  static final List<String> COST_HEADERS =
      List.of(
          "server CPU ms/req",
          "PostgreSQL CPU ms/req",
          "broker JVM CPU ms/req",
          "generator CPU ms/req",
          "xacts/req",
          "write xacts/req",
          "broker msgs/req");

  private Rows() {}

  /** conns, run, req/s, latency of every request, errors, then the costs. */
  static List<String> headers() {
    List<String> headers =
        new ArrayList<>(
            List.of(
                "conns",
                "run",
                "req/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "not 2xx",
                "timeouts (+ held at end)"));
    headers.addAll(COST_HEADERS);
    return headers;
  }

  static List<List<String>> of(Points.Point point, String kind) {
    List<List<String>> rows = new ArrayList<>();
    int index = 1;
    for (Points.Run run : point.runs()) {
      LoadResult.Kind k = run.load().kind(kind);
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(point.connections()),
                  String.valueOf(index++),
                  Format.rate(run.load().perSecond()),
                  Format.ms(k.p50us()),
                  Format.ms(k.p99us()),
                  Format.ms(k.p999us()),
                  Format.ms(k.maxUs()),
                  String.valueOf(run.load().notOk()),
                  timeouts(run.load())));
      row.addAll(costs(run));
      rows.add(row);
    }
    return rows;
  }

  static String timeouts(LoadResult load) {
    long open = load.open();
    return load.timeouts() + (open > 0 ? " (+" + open + " held)" : "");
  }

  static List<String> costs(Points.Run run) {
    Usage cost = run.cost();
    return List.of(
        Format.millis(run.perRequest(cost.serverCpuMs())),
        Format.millis(run.perRequest(cost.databaseCpuMs())),
        Format.millis(run.perRequest(cost.benchJvmCpuMs())),
        Format.millis(run.perRequest(run.load().generatorCpuMs())),
        Format.count(run.perRequest(cost.transactions())),
        Format.count(run.perRequest(cost.transactionIds())),
        Format.count(run.perRequest(cost.brokerMessages())));
  }
}
