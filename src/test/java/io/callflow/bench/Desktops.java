package io.callflow.bench;

import io.callflow.desktop.reference.AnsweringAgent;
import io.callflow.desktop.reference.DesktopClient;
import io.callflow.launcher.BrokerAccount;
import io.callflow.testing.AgentStates;
import io.callflow.testing.GmsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Simulated agents: reference desktops logged in to one queue, READY, each taking every offered
 * call and hanging up at once (talk time 0). Tells when the offer of an instance arrived.
 */
final class Desktops implements AutoCloseable {

  private static final Duration STATE_TIMEOUT = Duration.ofSeconds(60);

  private final List<DesktopClient> desktops = new ArrayList<>();
  private final ScheduledExecutorService hangUps = Executors.newScheduledThreadPool(2);
  private final Map<String, CompletableFuture<Long>> offers = new ConcurrentHashMap<>();

  private Desktops() {}

  /** {@code count} agents logged in to {@code queue}, each READY when this returns. */
  static Desktops ready(GmsClient gms, String brokerUrl, String queue, int count) {
    Desktops agents = new Desktops();
    for (int i = 1; i <= count; i++) {
      DesktopClient desktop =
          DesktopClient.connect(
              brokerUrl,
              BrokerAccount.DESKTOP.user(),
              BrokerAccount.DESKTOP.password(),
              queue + "-agent-" + i);
      agents.desktops.add(desktop);
      AnsweringAgent.answerOffers(desktop, agents.hangUps, () -> Duration.ZERO, agents::noted);
      desktop.logIn(List.of(queue), String.valueOf(7000 + i));
      AgentStates.await(gms, desktop.agentId(), "NOT_READY", STATE_TIMEOUT);
      desktop.ready();
      AgentStates.await(gms, desktop.agentId(), "READY", STATE_TIMEOUT);
    }
    return agents;
  }

  /** Completes (with {@link System#nanoTime}) when an agent is offered {@code serviceId}'s call. */
  CompletableFuture<Long> offer(String serviceId) {
    return offers.computeIfAbsent(serviceId, k -> new CompletableFuture<>());
  }

  void forget(String serviceId) {
    offers.remove(serviceId);
  }

  private void noted(DesktopClient.Received message) {
    if (message.type().equals("Offer")) {
      offer(message.body().getString("serviceId")).complete(System.nanoTime());
    }
  }

  @Override
  public void close() {
    hangUps.shutdownNow();
    for (DesktopClient desktop : desktops) {
      try {
        desktop.logOut();
      } finally {
        desktop.close();
      }
    }
  }
}
