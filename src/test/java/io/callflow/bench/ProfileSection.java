package io.callflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the server's time goes on the hot path: a Java Flight Recorder profile of one run at the
 * hottest working point (8 connections), and a thread dump half-way through a run at the most
 * connections, where today's server stalls.
 */
final class ProfileSection {

  private final BenchStack stack;
  private final BenchSettings settings;
  private final Points points;
  private final Wrk wrk;
  private final ProductSetup setup;
  private final List<String> profile = new ArrayList<>();
  private final List<String> threads = new ArrayList<>();
  private int profiledAt;
  private int dumpedAt;

  ProfileSection(
      BenchStack stack, BenchSettings settings, Points points, Wrk wrk, ProductSetup setup) {
    this.stack = stack;
    this.settings = settings;
    this.points = points;
    this.wrk = wrk;
    this.setup = setup;
  }

  void measure() throws Exception {
    profiledAt = settings.scaleConnections();
    prepare();
    wrk.pair(
        stack.baseUrl(),
        HotPath.REQUEST_INTERACTION,
        HotPath.MATCH_INTERACTION,
        profiledAt,
        settings.warmup());
    Path jfr = settings.workDir().resolve("hot-path.jfr").toAbsolutePath();
    long pid = stack.stack().serverPid();
    Profiler.startRecording(pid, jfr);
    wrk.pair(
        stack.baseUrl(),
        HotPath.REQUEST_INTERACTION,
        HotPath.MATCH_INTERACTION,
        profiledAt,
        settings.duration());
    Profiler.stopRecording(pid);
    profile.addAll(Profiler.summary(jfr));

    dumpedAt = settings.connections().get(settings.connections().size() - 1);
    prepare();
    Duration length = settings.duration();
    var load =
        CompletableFuture.runAsync(
            () -> {
              try {
                wrk.pair(
                    stack.baseUrl(),
                    HotPath.REQUEST_INTERACTION,
                    HotPath.MATCH_INTERACTION,
                    dumpedAt,
                    length);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(length.toMillis() / 2);
    String dump =
        Profiler.threadDump(pid, settings.workDir().resolve("threads-at-" + dumpedAt + ".txt"));
    threads.addAll(Profiler.requestThreads(dump, 8));
    load.join();
    points.stalled(); // the most connections stall today's server: restart it at once
    System.out.println("bench: profiled at " + profiledAt + ", thread dump at " + dumpedAt);
  }

  private void prepare() throws Exception {
    points.recover();
    stack.resetTables();
    setup.interactionOn(setup.pool("LOCKING", HotPath.POOL_SIZE, 30));
  }

  void report(Report report) {
    report.heading("Profile of the hot path");
    report.paragraph(
        "Java Flight Recorder (`jcmd <pid> JFR.start settings=profile`) on the server during one run"
            + " of the hot path at "
            + profiledAt
            + " connections, twice a run's length (`target/bench/hot-path.jfr`; `jfr print"
            + " --events jdk.ExecutionSample` reads it), as shares of the execution samples:");
    profile.forEach(line -> report.line("- " + line));
    report.line("");
    report.paragraph(
        "Request threads half-way through a run at "
            + dumpedAt
            + " connections (`jcmd <pid> Thread.print`, `target/bench/threads-at-"
            + dumpedAt
            + ".txt`), by state and first application or server frame:");
    threads.forEach(line -> report.line("- " + line));
    report.line("");
  }
}
