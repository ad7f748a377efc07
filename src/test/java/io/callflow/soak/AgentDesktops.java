package io.callflow.soak;

import io.callflow.desktop.reference.AnsweringAgent;
import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.AgentStates;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The contact center's agents: reference desktops logged in to the {@code default} queue and READY
 * for the whole run, each taking every offered call and hanging up after 1 s up to the longest talk
 * time. Counts what the server sent them.
 */
final class AgentDesktops implements AutoCloseable {

  static final String QUEUE = "default";

  private final List<DesktopClient> desktops = new ArrayList<>();
  private final ScheduledExecutorService calls = Executors.newScheduledThreadPool(2);
  private final Map<String, LongAdder> received = new ConcurrentHashMap<>();

  private AgentDesktops() {}

  /** {@code count} agents, each READY when this returns. */
  static AgentDesktops logIn(GmsClient gms, int count, int longestCallSeconds) {
    AgentDesktops agents = new AgentDesktops();
    for (int i = 1; i <= count; i++) {
      DesktopClient desktop = TestServer.desktop("soak-agent-" + i);
      agents.desktops.add(desktop);
      AnsweringAgent.answerOffers(
          desktop,
          agents.calls,
          () ->
              Duration.ofMillis(
                  ThreadLocalRandom.current().nextLong(1000, longestCallSeconds * 1000L + 1)),
          agents::count);
      desktop.logIn(List.of(QUEUE), String.valueOf(7000 + i));
      AgentStates.await(gms, desktop.agentId(), "NOT_READY", Duration.ofSeconds(30));
      desktop.ready();
      AgentStates.await(gms, desktop.agentId(), "READY", Duration.ofSeconds(30));
    }
    return agents;
  }

  /** Messages received by type, Revoked also by reason (e.g. "Revoked CANCELLED"). */
  Map<String, Long> received() {
    Map<String, Long> counted = new TreeMap<>();
    received.forEach((what, adder) -> counted.put(what, adder.sum()));
    return counted;
  }

  List<String> agentIds() {
    return desktops.stream().map(DesktopClient::agentId).toList();
  }

  private void count(DesktopClient.Received message) {
    String what =
        message.type().equals("Revoked")
            ? "Revoked " + message.body().getString("reason", "?")
            : message.type();
    received.computeIfAbsent(what, name -> new LongAdder()).increment();
  }

  @Override
  public void close() {
    calls.shutdownNow();
    desktops.forEach(
        desktop -> {
          try {
            desktop.logOut();
          } finally {
            desktop.close();
          }
        });
  }
}
