package io.callflow.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The soak's plain-text report: the load, the latencies, the journeys, the desktops, the books. */
final class SoakReport {

  private final StringBuilder text = new StringBuilder();

  SoakReport(
      SoakSettings settings, Instant started, Duration driven, Duration drained, Duration settled) {
    line("Callflow soak run, started " + started);
    line("settings: " + settings);
    line(
        "machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", Java "
            + System.getProperty("java.version")
            + "; server, database, broker and simulators on one host, over loopback");
    line(
        "time: new work for "
            + seconds(driven)
            + ", in-flight journeys ended "
            + seconds(drained)
            + " later, server settled "
            + seconds(settled)
            + " after that");
    line("");
  }

  SoakReport operations(Map<String, OperationStats> operations, Duration driven, Duration drained) {
    String format = "%-44s %8s %8s %7s %7s %9s %9s %9s %9s";
    line(
        String.format(
            format,
            "operation",
            "requests",
            "served",
            "busy503",
            "errors",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms"));
    int requests = 0;
    int errors = 0;
    int busy = 0;
    for (Map.Entry<String, OperationStats> entry : operations.entrySet()) {
      OperationStats stats = entry.getValue();
      requests += stats.count();
      errors += stats.errorCount();
      busy += stats.busyCount();
      line(
          String.format(
              format,
              entry.getKey(),
              stats.count(),
              stats.count() - stats.busyCount() - stats.errorCount(),
              stats.busyCount(),
              stats.errorCount(),
              ms(stats.percentileMillis(50)),
              ms(stats.percentileMillis(95)),
              ms(stats.percentileMillis(99)),
              ms(stats.percentileMillis(100))));
    }
    double perSecond = requests / Math.max(1.0, driven.plus(drained).toMillis() / 1000.0);
    line(
        String.format(
            format, "all", requests, requests - busy - errors, busy, errors, "", "", "", ""));
    line(
        String.format(
            "%.1f requests/s over the run and drain; busy503 = pool exhausted, 503 with Retry-After (expected)",
            perSecond));
    operations.forEach(
        (name, stats) ->
            stats.firstErrors().forEach(error -> line("  error in " + name + ": " + error)));
    line("");
    return this;
  }

  SoakReport counts(String title, Map<String, Long> counts) {
    line(title);
    counts.forEach((what, count) -> line(String.format("  %-70s %8d", what, count)));
    line("");
    return this;
  }

  SoakReport reconciliation(List<Check> checks, Map<String, List<String>> figures) {
    line("reconciliation (PostgreSQL, after the drain)");
    for (Check check : checks) {
      line(
          "  ["
              + (check.holds() ? "ok" : "FAIL")
              + "] "
              + check.what()
              + (check.evidence().isEmpty() ? "" : " — " + check.evidence().size() + " row(s)"));
      check.evidence().stream().limit(Check.SHOWN).forEach(row -> line("         " + row));
    }
    line("");
    figures.forEach(
        (title, rows) -> {
          line(title);
          rows.forEach(row -> line("  " + row));
          line("");
        });
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private void line(String line) {
    text.append(line).append('\n');
  }

  private static String ms(double millis) {
    return String.format("%.1f", millis);
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + " s";
  }
}
