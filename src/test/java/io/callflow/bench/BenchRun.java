package io.callflow.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ({@code mvn verify -Pbench}; docs/benchmarks.md): boots the server as the tests do,
 * plus the ceiling WAR, drives it from loopback and writes {@code target/benchmarks.md}. Nothing
 * here asserts a time. Its name matches none of failsafe's default patterns, so only the {@code
 * bench} profile runs it.
 */
class BenchRun {

  @Test
  void measure() throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    long started = System.nanoTime();
    Report report = new Report(settings.report());
    System.out.println("bench: " + settings + "; starting the server");
    try (BenchStack stack = BenchStack.start(settings.workDir())) {
      double rssAfterBoot = ProcessCpu.residentMb(stack.stack().serverPid());
      header(report, settings, stack);
      Wrk wrk = Wrk.in(settings.workDir());
      Points points = new Points(stack, settings);
      ProductSetup setup = new ProductSetup(stack.gms());
      ServerWarmUp warmUp = warmUp(stack, settings, wrk, setup);
      warmUp.report(report);
      idle(report, "after boot", points.measureIdle(Duration.ofSeconds(5)), points);
      report.write();

      Ceilings ceilings = new Ceilings(stack, settings, points, wrk);
      ceilings.measure();
      ceilings.report(report);
      report.write();

      // the server is warm now: what it costs idle is measured again for the product's points
      idle(report, "after the ceilings", points.measureIdle(Duration.ofSeconds(2)), points);
      HotPath hotPath = new HotPath(stack, settings, points, wrk, setup);
      hotPath.measure(ceilings);
      hotPath.measureOthers();
      hotPath.report(report);
      report.write();

      if (settings.profile()) {
        ProfileSection profile = new ProfileSection(stack, settings, points, wrk, setup);
        section(report, "Profile of the hot path", profile::measure, () -> profile.report(report));
      }
      Flows flows = new Flows(stack, settings, points, setup);
      section(report, "Flows", flows::measure, () -> flows.report(report));
      // the scale section's pool of 1,000 has run slower than the same load in the hot-path
      // section: what the server costs idle after the flows tells leftover work from the rest
      idle(report, "before the scale section", points.measureIdle(Duration.ofSeconds(2)), points);
      Scale scale = new Scale(stack, settings, points, ceilings, hotPath, setup, wrk);
      section(report, "Scale", scale::measure, () -> scale.report(report));

      memory(report, rssAfterBoot, ProcessCpu.residentMb(stack.stack().serverPid()));
      events(report, stack.events());
      report.line(
          "Wall time of the whole run: "
              + Format.clock(Duration.ofNanos(System.nanoTime() - started))
              + " (min:s).");
      report.write();
    }
    System.out.println(
        "bench: done in "
            + Format.clock(Duration.ofNanos(System.nanoTime() - started))
            + "; report in "
            + settings.report().toAbsolutePath());
  }

  /** What a section does: measure, then report. */
  private interface Step {
    void run() throws Exception;
  }

  /**
   * Measures and reports one section; a section that fails is reported as failed and the run goes
   * on with the next, so one broken flow does not lose the other figures.
   */
  private static void section(Report report, String title, Step measure, Runnable write)
      throws Exception {
    try {
      measure.run();
      write.run();
    } catch (Exception e) {
      e.printStackTrace();
      report.heading(title).paragraph("Failed: `" + e + "` (see the build's output).");
    }
    report.write();
  }

  /**
   * Runs every kind of load once at 8 connections before anything is measured, the product's hot
   * path until the JIT compiler is done with it ({@link ServerWarmUp}), so that the first points do
   * not pay for the compiler's passes over the server (a quick run's first hot-path points measured
   * half the pace of the same load minutes later).
   */
  private static ServerWarmUp warmUp(
      BenchStack stack, BenchSettings settings, Wrk wrk, ProductSetup setup) throws Exception {
    Duration length = settings.warmup().multipliedBy(2);
    String base = stack.baseUrl();
    String bench = BenchWar.CONTEXT_ROOT;
    stack.resetTables();
    wrk.single(base, "POST", bench + "/echo", 8, length);
    wrk.pair(base, bench + "/allocate", bench + "/release", 8, length);
    setup.interactionOn(setup.pool("LOCKING", HotPath.POOL_SIZE, 30));
    ServerWarmUp warmUp = new ServerWarmUp(stack, settings, wrk);
    warmUp.run();
    System.out.println("bench: server warmed up");
    return warmUp;
  }

  private static void header(Report report, BenchSettings settings, BenchStack stack) {
    report.line("# Callflow benchmark").line("");
    report.paragraph(
        "Measured on "
            + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            + " with `"
            + settings.command()
            + "`: "
            + settings
            + ". Every point: tables reset and VACUUM ANALYZEd, a warm-up (more of it while the"
            + " server's JIT compiler uses over 5 % of a core, up to 60 s), ANALYZE, then two runs, both"
            + " shown. Load from loopback with wrk (closed loop, HTTP/1.1 keep-alive, one"
            + " connection per wrk thread, 10 s timeout). CPU per request is the run's CPU less"
            + " what the idle server uses in as long; `broker JVM` is the benchmark's own JVM,"
            + " which hosts the embedded Artemis broker (and, for the database ceiling and the"
            + " flows, the load itself).");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, String> fact : Machine.describe(stack.sql()).entrySet()) {
      rows.add(List.of(fact.getKey(), fact.getValue()));
    }
    report.table(List.of("machine", ""), rows);
  }

  /**
   * What the idle server costs; one that is busy (see {@link Points#busyIdle}) is reported with its
   * busiest threads, so that what keeps it busy can be told apart from leftover load.
   */
  private static void idle(Report report, String when, Usage idle, Points points) {
    double s = idle.seconds();
    report.paragraph(
        String.format(
                java.util.Locale.ROOT,
                "Idle server "
                    + when
                    + ", per second (subtracted from the runs that follow): server %.1f ms CPU"
                    + " (JIT compiler %.1f ms), PostgreSQL %.1f ms, benchmark JVM %.1f ms, %.1f"
                    + " transactions, %.1f write transactions, %.1f broker messages.",
                idle.serverCpuMs() / s,
                idle.compilerCpuMs() / s,
                idle.databaseCpuMs() / s,
                idle.benchJvmCpuMs() / s,
                idle.transactions() / s,
                idle.transactionIds() / s,
                idle.brokerMessages() / s)
            + points.busyIdle().map(busy -> " Busiest threads: " + busy + ".").orElse(""));
  }

  private static void memory(Report report, double afterBoot, double atEnd) {
    report.heading("Memory");
    report.paragraph(
        String.format(
            java.util.Locale.ROOT,
            "Resident set of the server JVM: %.0f MB idle after boot, %.0f MB at the end of the"
                + " run. Heap: `-Xmx512m`, as the README's start and the tests run it (the"
                + " launcher sets it): without it the JVM takes a quarter of the machine's memory"
                + " and never gives it back.",
            afterBoot,
            atEnd));
  }

  private static void events(Report report, List<String> events) {
    if (!events.isEmpty()) {
      report.heading("Events");
      events.forEach(e -> report.line("- " + e));
      report.line("");
    }
  }
}
