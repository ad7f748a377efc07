package io.callflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs the product's hot path at 8 connections once after boot, in steps of 20 s, until the
 * server's JIT compiler is done with it: at least {@link BenchSettings#serverWarmup()}, then until
 * a step in which the compiler threads take less than 5 % of the server's CPU and the server's CPU
 * per request in the last minute fell by less than 5 % from the minute before (at most five times
 * the minimum). On two cores under load the compiler gets only its share of the CPU: the server's
 * CPU per request kept falling for three to four minutes, from about 6 ms to 0.8 ms, and the
 * compiler took a third of the server's CPU until it did.
 */
final class ServerWarmUp {

  private static final Duration STEP = Duration.ofSeconds(20);
  private static final int CONNECTIONS = 8;
  private static final double SETTLED = 0.95;
  private static final int SETTLING_STEPS = 3;

  /** One step: its pace, the server's CPU per request and the compiler's share of it. */
  record Step(double perSecond, double serverMsPerRequest, double compilerShare) {}

  private final BenchStack stack;
  private final BenchSettings settings;
  private final Wrk wrk;
  private final List<Step> steps = new ArrayList<>();

  ServerWarmUp(BenchStack stack, BenchSettings settings, Wrk wrk) {
    this.stack = stack;
    this.settings = settings;
    this.wrk = wrk;
  }

  void run() throws Exception {
    Duration minimum = settings.serverWarmup();
    Duration maximum = minimum.multipliedBy(5);
    Duration elapsed = Duration.ZERO;
    while (elapsed.compareTo(maximum) < 0) {
      Usage before = stack.usage();
      LoadResult load =
          wrk.pair(
              stack.baseUrl(),
              HotPath.REQUEST_INTERACTION,
              HotPath.MATCH_INTERACTION,
              CONNECTIONS,
              STEP);
      Usage cost = stack.usage().minus(before);
      Step step =
          new Step(
              load.perSecond(),
              new Points.Run(load, cost).perRequest(cost.serverCpuMs()),
              cost.compilerShare());
      steps.add(step);
      elapsed = elapsed.plus(STEP);
      System.out.printf(
          Locale.ROOT,
          "bench: warm-up %s: %.0f req/s, server %.2f ms CPU per request, compiler %.0f %%%n",
          Format.clock(elapsed),
          step.perSecond(),
          step.serverMsPerRequest(),
          100 * step.compilerShare());
      if (elapsed.compareTo(minimum) >= 0 && cost.compilerQuiet() && settled()) {
        return;
      }
    }
  }

  /**
   * The server's CPU per request has stopped falling: its last minute (three steps) cost at least
   * {@link #SETTLED} of the minute before. The compiler goes quiet minutes before the code it made
   * has replaced the slower code: in one run the server's CPU per request was 0.90 ms when the
   * compiler first used less than 5 %, and 0.72 ms five minutes later. A step alone varies by a
   * third on this machine; a minute's mean by much less.
   */
  private boolean settled() {
    int n = steps.size();
    if (n < 2 * SETTLING_STEPS) {
      return false;
    }
    return meanCost(n - SETTLING_STEPS, n)
        >= SETTLED * meanCost(n - 2 * SETTLING_STEPS, n - SETTLING_STEPS);
  }

  private double meanCost(int from, int to) {
    return steps.subList(from, to).stream()
        .mapToDouble(Step::serverMsPerRequest)
        .average()
        .orElseThrow();
  }

  void report(Report report) {
    String trace =
        steps.stream()
            .map(
                s ->
                    String.format(
                        Locale.ROOT,
                        "%.2f (%.0f %%)",
                        s.serverMsPerRequest(),
                        100 * s.compilerShare()))
            .collect(Collectors.joining(", "));
    report.paragraph(
        "Warm-up: the server ran the hot path at "
            + CONNECTIONS
            + " connections for "
            + Format.clock(STEP.multipliedBy(steps.size()))
            + " (min:s) before the first point, in steps of "
            + STEP.toSeconds()
            + " s, until its JIT compiler used less than 5 % of one core and its CPU per request fell"
            + " by less than 5 % from one minute to the next (at least "
            + settings.serverWarmup().toSeconds()
            + " s). Server CPU per request, in ms, step by step (the compiler's share): "
            + trace
            + ".");
  }
}
