package io.callflow.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one kind of request met during the soak: how many were served, how many were refused as the
 * spec allows (503 with {@code Retry-After}: the locking pool is exhausted), how many went wrong,
 * and the latency of every one of them.
 */
final class OperationStats {

  private static final int KEPT_ERRORS = 5;

  private long[] latenciesMicros = new long[1024];
  private int count;
  private int busy;
  private int errors;
  private final List<String> firstErrors = new ArrayList<>();

  synchronized void served(long micros) {
    add(micros);
  }

  synchronized void busy(long micros) {
    add(micros);
    busy++;
  }

  synchronized void error(long micros, String what) {
    add(micros);
    errors++;
    keep(what);
  }

  private void keep(String what) {
    if (firstErrors.size() < KEPT_ERRORS) {
      firstErrors.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
    }
  }

  /**
   * An answer whose status was right but whose content was not: an error without a latency of its
   * own.
   */
  synchronized void wrong(String what) {
    errors++;
    keep(what);
  }

  synchronized int count() {
    return count;
  }

  synchronized int busyCount() {
    return busy;
  }

  synchronized int errorCount() {
    return errors;
  }

  synchronized List<String> firstErrors() {
    return List.copyOf(firstErrors);
  }

  /** The latency below which {@code percent} of the requests were answered, in milliseconds. */
  synchronized double percentileMillis(double percent) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(latenciesMicros, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
  }

  private void add(long micros) {
    if (count == latenciesMicros.length) {
      latenciesMicros = Arrays.copyOf(latenciesMicros, count * 2);
    }
    latenciesMicros[count++] = micros;
  }
}
