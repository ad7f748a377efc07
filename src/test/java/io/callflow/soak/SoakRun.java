package io.callflow.soak;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.CallflowStack;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The soak run ({@code mvn verify -Psoak}; docs/soak.md): every flow driven by simulated apps, IVR
 * and agent desktops for a bounded time on one test server, then the books reconciled. Its name
 * matches none of failsafe's default patterns, so only the {@code soak} profile runs it.
 */
class SoakRun {

  /**
   * After the apps are done: long enough for the longest booking (the DNIS pool's 30 s) to expire
   * and be swept.
   */
  private static final Duration SETTLE = Duration.ofSeconds(45);

  @Test
  void allFlowsUnderLoadLeaveNoInstanceBookingOrAgentBehind() throws Exception {
    SoakSettings settings = SoakSettings.fromSystemProperties();
    CallflowStack stack = TestServer.stack();
    GmsClient gms = TestServer.gms();
    Measurements measurements = new Measurements();
    Ledger ledger = new Ledger();
    JourneySteps steps = new JourneySteps(new AppAndIvr(gms, measurements), ledger);
    Reconciliation books = new Reconciliation(stack);

    try (AgentDesktops agents =
        AgentDesktops.logIn(gms, settings.agents(), settings.talkSeconds())) {
      SimulatedApps apps =
          new SimulatedApps(
              new AccessJourneys(steps),
              new QueuedJourneys(steps, Duration.ofSeconds(settings.talkSeconds())),
              new CallbackJourneys(steps));
      Instant started = Instant.now();
      System.out.println("soak: " + settings + "; started " + started);
      apps.start(settings.apps());
      Thread.sleep(
          settings.duration().toMillis()); // the run's length: the load, not a wait for an outcome
      apps.stopStarting();
      Duration driven = Duration.between(started, Instant.now());
      boolean finished = apps.awaitFinished(settings.drain());
      apps.interrupt();
      Duration drained = Duration.between(started, Instant.now()).minus(driven);
      Duration settled = books.awaitSettled(SETTLE);

      List<Check> checks = new java.util.ArrayList<>(books.checks(ledger, agents.agentIds()));
      checks.add(
          0,
          Check.of(
              "every app finished its journey within the drain (" + settings.drain() + ")",
              finished
                  ? List.of()
                  : List.of("some app threads were still on a journey and were interrupted")));
      checks.add(
          1,
          Check.of(
              "no request was answered with a status the spec does not allow",
              measurements.byOperation().entrySet().stream()
                  .filter(e -> e.getValue().errorCount() > 0)
                  .map(
                      e ->
                          e.getKey()
                              + ": "
                              + e.getValue().errorCount()
                              + " error(s), first "
                              + e.getValue().firstErrors())
                  .collect(Collectors.toList())));
      String report =
          new SoakReport(settings, started, driven, drained, settled)
              .operations(measurements.byOperation(), driven, drained)
              .counts("journeys (by how they ended)", ledger.journeys())
              .counts(
                  "desktop messages received (" + settings.agents() + " agents)", agents.received())
              .reconciliation(checks, books.figures())
              .toString();
      System.out.println(report);
      Files.createDirectories(settings.report().toAbsolutePath().getParent());
      Files.writeString(settings.report(), report, StandardCharsets.UTF_8);

      List<String> failed = checks.stream().filter(c -> !c.holds()).map(Check::what).toList();
      assertTrue(
          failed.isEmpty(),
          "reconciliation failed: " + failed + " (see " + settings.report() + ")");
    }
  }
}
