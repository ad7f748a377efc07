package io.callflow.bench;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.launcher.BrokerAccount;
import io.callflow.testing.AgentStates;
import io.callflow.testing.GmsClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time from an agent's READY message to the customer's push, with many customers queued: one agent
 * turns READY, the oldest customer is reserved and pushed DialNumber; the agent turns NOT_READY
 * (the reservation is revoked, the customer keeps their place), and again.
 */
final class ReadyToPush {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private ReadyToPush() {}

  /** {@code samples} READY-to-push latencies, on a queue where the customers already wait. */
  static Histogram measure(
      GmsClient gms, String brokerUrl, String queue, PushInbox inbox, int samples)
      throws InterruptedException {
    Histogram latencies = new Histogram();
    try (DesktopClient agent =
        DesktopClient.connect(
            brokerUrl,
            BrokerAccount.DESKTOP.user(),
            BrokerAccount.DESKTOP.password(),
            queue + "-agent")) {
      agent.logIn(List.of(queue), "7999");
      AgentStates.await(gms, agent.agentId(), "NOT_READY", PATIENCE);
      for (int i = 0; i < samples; i++) {
        inbox.arrivals().clear();
        long ready = System.nanoTime();
        agent.ready();
        PushInbox.Push push = nextDialNumber(inbox);
        if (push == null) {
          latencies.record(PATIENCE.toNanos() / 1000, "no push");
        } else {
          latencies.record((push.atNanos() - ready) / 1000, "ok");
        }
        agent.notReady();
        AgentStates.await(gms, agent.agentId(), "NOT_READY", PATIENCE);
        if (push != null) {
          agent.await(
              m -> m.type().equals("Revoked") && m.body().getString("serviceId").equals(push.id()),
              PATIENCE);
        }
      }
      agent.logOut();
    }
    return latencies;
  }

  private static PushInbox.Push nextDialNumber(PushInbox inbox) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      PushInbox.Push push =
          inbox.arrivals().poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (push != null && push.action().equals("DialNumber")) {
        return push;
      }
    }
    return null;
  }
}
