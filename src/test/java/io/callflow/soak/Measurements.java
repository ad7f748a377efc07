package io.callflow.soak;

import io.callflow.testing.GmsClient.Reply;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Times every request the simulated apps and IVR send, per operation, and sorts its answer into
 * served, busy (an expected 503) or error. A request that fails to get any answer is an error too.
 */
final class Measurements {

  private final Map<String, OperationStats> operations = new ConcurrentHashMap<>();

  /**
   * Sends {@code request}, records it under {@code operation}; answers the reply, or null when none
   * came. {@code expected} are the statuses that count as served; a 503 with Retry-After counts as
   * busy.
   */
  Reply timed(String operation, Set<Integer> expected, Supplier<Reply> request) {
    OperationStats stats = operations.computeIfAbsent(operation, name -> new OperationStats());
    long started = System.nanoTime();
    Reply reply;
    try {
      reply = request.get();
    } catch (RuntimeException e) {
      stats.error(micros(started), e.toString());
      return null;
    }
    long micros = micros(started);
    if (expected.contains(reply.status())) {
      stats.served(micros);
    } else if (reply.status() == 503 && reply.header("Retry-After").isPresent()) {
      stats.busy(micros);
    } else {
      stats.error(micros, reply.toString());
    }
    return reply;
  }

  /** Records a wrong outcome that no status shows (e.g. a match answering another instance). */
  void wrongOutcome(String operation, String what) {
    operations.computeIfAbsent(operation, name -> new OperationStats()).wrong(what);
  }

  /** Every operation by name, sorted. */
  Map<String, OperationStats> byOperation() {
    return new TreeMap<>(operations);
  }

  static Set<Integer> ok() {
    return Set.of(200);
  }

  private static long micros(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1000;
  }
}
