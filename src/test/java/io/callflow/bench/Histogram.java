package io.callflow.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and outcomes of one kind of work done from this JVM (database transactions, flow
 * steps), bucketed at 2.5 % resolution as the wrk script does, safe for many threads.
 */
final class Histogram {

  private static final double SCALE = 40;

  private final Map<Integer, LongAdder> buckets = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final LongAdder late = new LongAdder();
  private volatile long maxUs;

  void record(long micros, String outcome) {
    int bucket = micros < 1 ? 0 : (int) Math.floor(Math.log(micros) * SCALE);
    buckets.computeIfAbsent(bucket, b -> new LongAdder()).increment();
    outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    if (micros > 10_000_000) {
      late.increment();
    }
    if (micros > maxUs) {
      synchronized (this) {
        maxUs = Math.max(maxUs, micros);
      }
    }
  }

  LoadResult.Kind toKind(long open) {
    Map<String, Long> statuses = new TreeMap<>();
    outcomes.forEach((o, n) -> statuses.put(o, n.sum()));
    long count = statuses.values().stream().mapToLong(Long::longValue).sum();
    return new LoadResult.Kind(
        count,
        statuses,
        late.sum(),
        open,
        0,
        percentile(count, 50),
        percentile(count, 99),
        percentile(count, 99.9),
        maxUs);
  }

  private long percentile(long count, double p) {
    long wanted = (long) Math.ceil(count * p / 100);
    long seen = 0;
    for (var entry : new TreeMap<>(buckets).entrySet()) {
      seen += entry.getValue().sum();
      if (seen >= wanted) {
        return (long) Math.exp((entry.getKey() + 0.5) / SCALE);
      }
    }
    return 0;
  }
}
