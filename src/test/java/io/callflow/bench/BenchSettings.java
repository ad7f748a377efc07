package io.callflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long and how hard the benchmark drives, from system properties (the {@code bench} Maven
 * profile passes them). Quick mode ({@code -Dbench.quick}) shortens every run, leaves out 256
 * connections and the largest data sets, so the whole run fits in a few minutes.
 *
 * @param quick the short run
 * @param duration each measured run (two per point)
 * @param warmup before each point's runs
 * @param serverWarmup the least time the product's hot path runs once after boot, before anything
 *     is measured; it goes on until the JIT compiler is quiet ({@link ServerWarmUp})
 * @param connections the connection counts of the ceilings and the hot path
 * @param scaleConnections the connection count of the scale points
 * @param poolSizes pool sizes of the scale points ({@code -Dbench.pool-sizes=1000,100000})
 * @param endedSeed ended instances and bookings seeded for a scale point
 * @param queuedSeeds queued instances for scale points
 * @param flowQueued instances queued while READY-to-push is measured
 * @param flowSamples READY-to-push samples
 * @param desktops simulated agent desktops of the completion points
 * @param profile whether to profile the hot path (JFR) and dump threads at the most connections
 * @param report where the report goes
 * @param workDir scripts, logs, profiles
 * @param command the command line the report names
 */
record BenchSettings(
    boolean quick,
    Duration duration,
    Duration warmup,
    Duration serverWarmup,
    List<Integer> connections,
    int scaleConnections,
    List<Integer> poolSizes,
    int endedSeed,
    List<Integer> queuedSeeds,
    int flowQueued,
    int flowSamples,
    int desktops,
    boolean profile,
    Path report,
    Path workDir,
    String command) {

  static BenchSettings fromSystemProperties() {
    String quickProperty = System.getProperty("bench.quick");
    boolean quick = quickProperty != null && !quickProperty.equals("false");
    return new BenchSettings(
        quick,
        Duration.ofSeconds(Long.getLong("bench.duration", quick ? 3 : 10)),
        Duration.ofSeconds(Long.getLong("bench.warmup", quick ? 2 : 5)),
        Duration.ofSeconds(Long.getLong("bench.server-warmup", 120)),
        integers(System.getProperty("bench.connections", quick ? "1,8,64" : "1,8,64,256")),
        Integer.getInteger("bench.scale-connections", 8),
        System.getProperty("bench.pool-sizes") != null
            ? integers(System.getProperty("bench.pool-sizes"))
            : quick ? List.of(1_000, 10_000) : List.of(1_000, 10_000, 100_000),
        quick ? 10_000 : 100_000,
        quick ? List.of(1_000) : List.of(1_000, 10_000),
        quick ? 200 : 1_000,
        quick ? 20 : 100,
        10,
        Boolean.parseBoolean(System.getProperty("bench.profile", String.valueOf(!quick))),
        Path.of(System.getProperty("bench.report", "target/benchmarks.md")),
        Path.of(System.getProperty("bench.work-dir", "target/bench")),
        command(quick));
  }

  /** The command as given: the profile and every benchmark property set on it. */
  private static String command(boolean quick) {
    StringBuilder command = new StringBuilder("mvn verify -Pbench");
    if (quick) {
      command.append(" -Dbench.quick");
    }
    for (String name :
        List.of(
            "bench.duration",
            "bench.warmup",
            "bench.server-warmup",
            "bench.connections",
            "bench.pool-sizes")) {
      String value = System.getProperty(name);
      if (value != null && !value.isBlank()) {
        command.append(" -D").append(name).append('=').append(value);
      }
    }
    return command.toString();
  }

  /** Connection counts of request-interaction alone and of reads (quick mode: not the largest). */
  List<Integer> otherConnections() {
    return quick && connections.size() > 2
        ? connections.subList(0, connections.size() - 1)
        : connections;
  }

  int runs() {
    return 2;
  }

  /**
   * The longest wait for the server to settle after a point before it is restarted: a server still
   * busy after 30 s is stalled (the product's pool gives up on a connection only after 60 s, and
   * one stalled request holds the next).
   */
  Duration recoveryPatience() {
    return Duration.ofSeconds(30);
  }

  private static List<Integer> integers(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .toList();
  }

  @Override
  public String toString() {
    return (quick ? "quick mode, " : "")
        + "runs of "
        + duration.toSeconds()
        + " s after a "
        + warmup.toSeconds()
        + " s warm-up, connections "
        + connections;
  }
}
