package io.callflow.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of a load generator saw: per request kind, answers by status and latency; the run's
 * length and the generator's own CPU.
 *
 * @param seconds how long the load ran
 * @param kinds per request kind ("single"; "first" and "second" of a pair; a transaction's name)
 * @param generatorCpuMs the load generator's user + system CPU for the run
 */
record LoadResult(double seconds, Map<String, Kind> kinds, double generatorCpuMs) {

  /**
   * One kind of request.
   *
   * @param count answers received
   * @param statuses answers by HTTP status (or "ok"/"error" for non-HTTP work)
   * @param late answers that came after the 10 s timeout
   * @param open requests unanswered when the run stopped, sent 1 to 10 s before (held, not merely
   *     in flight)
   * @param openLate requests unanswered when the run stopped, sent more than 10 s before
   * @param p50us latency percentiles and maximum, in microseconds
   */
  record Kind(
      long count,
      Map<String, Long> statuses,
      long late,
      long open,
      long openLate,
      long p50us,
      long p99us,
      long p999us,
      long maxUs) {

    long ok() {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey().startsWith("2") || e.getKey().equals("ok"))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    long notOk() {
      return count - ok();
    }

    /** Answers after the timeout and requests left unanswered longer than it. */
    long timeouts() {
      return late + openLate;
    }

    static Kind none() {
      return new Kind(0, Map.of(), 0, 0, 0, 0, 0, 0, 0);
    }
  }

  Kind kind(String name) {
    return kinds.getOrDefault(name, Kind.none());
  }

  long requests() {
    return kinds.values().stream().mapToLong(Kind::count).sum();
  }

  double perSecond() {
    return requests() / seconds;
  }

  double okPerSecond(String kind) {
    return kind(kind).ok() / seconds;
  }

  long notOk() {
    return kinds.values().stream().mapToLong(Kind::notOk).sum();
  }

  long timeouts() {
    return kinds.values().stream().mapToLong(Kind::timeouts).sum();
  }

  long open() {
    return kinds.values().stream().mapToLong(Kind::open).sum();
  }

  /** Answers by status over every kind, e.g. "200: 5000, 503: 12". */
  String statuses() {
    Map<String, Long> all = new TreeMap<>();
    kinds.values().forEach(k -> k.statuses().forEach((s, n) -> all.merge(s, n, Long::sum)));
    return all.toString().replace("{", "").replace("}", "").replace("=", ": ");
  }
}
