package io.callflow.routing;

import static io.callflow.routing.QueuedFlowsSupport.TIMEOUT;
import static io.callflow.routing.QueuedFlowsSupport.awaitCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.launcher.CallflowStack;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.PushReceiver;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Customers queued and pushes ordered while the broker is away wait in the outbox, and once it is
 * back every queued customer is reserved for one agent exactly once and every push arrives exactly
 * once: nothing is lost, nothing doubled, and the app was answered 200 throughout.
 */
class QueuedThroughBrokerRestartIT {

  private static final int QUEUED_BEFORE = 2;
  private static final int QUEUED_DURING = 3;
  private static final int DIALLED_DURING = 3;

  /** How long the counts must stay as they are to show that no late duplicate arrives. */
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private final QueuedFlowsSupport flows =
      new QueuedFlowsSupport(QUEUED_BEFORE + QUEUED_DURING + DIALLED_DURING);
  private final PushReceiver device = PushReceiver.start();

  @AfterEach
  void close() {
    flows.close();
    device.close();
  }

  @Test
  void queuedCustomersAndPushesWaitForTheBrokerAndAreServedOnce() throws Exception {
    String delayed = flows.service("request-inbound-delay", "\"_provide_code\":\"true\"");
    String immediate = flows.service("request-inbound-immediate", "\"_provide_code\":\"true\"");
    List<String> queued = new ArrayList<>();
    List<String> dialled = new ArrayList<>();
    for (int i = 0; i < QUEUED_BEFORE; i++) {
      queued.add(flows.create(delayed, registered()).getString("_id"));
    }

    CallflowStack stack = TestServer.stack();
    stack.stopBroker();
    try {
      for (int i = 0; i < QUEUED_DURING; i++) {
        queued.add(flows.create(delayed, registered()).getString("_id"));
      }
      for (int i = 0; i < DIALLED_DURING; i++) {
        dialled.add(flows.create(immediate, registered()).getString("_id"));
      }
      assertEquals(200, flows.gms.get("/health/ready").status(), "ready without the broker");
      assertTrue(
          stack.count("SELECT count(*) FROM outbox_message") > 0,
          "what the creates caused waits in the outbox");
    } finally {
      stack.startBroker();
    }
    stack.awaitListeners(CallflowStack.LISTENER_TIMEOUT);

    for (String id : dialled) {
      awaitPush(id, "DialNumber");
    }
    List<DesktopClient> agents = new ArrayList<>();
    for (int i = 0; i < queued.size(); i++) {
      agents.add(flows.readyAgent());
    }
    Eventually.await(
        "every queued customer reserved for an agent",
        TIMEOUT,
        () -> Optional.of(reservations(agents)).filter(r -> r.keySet().containsAll(queued)));
    for (String id : queued) {
      awaitPush(id, "DialNumber");
    }
    Thread.sleep(SETTLE.toMillis()); // a duplicate dispatch or push would arrive meanwhile
    assertEquals(
        queued.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)),
        reservations(agents),
        "each queued customer reserved exactly once");
    for (String id : concat(queued, dialled)) {
      assertEquals(1, pushes(id, "DialNumber"), "DialNumber pushes to " + id);
    }

    for (DesktopClient agent : agents) {
      List<String> reserved = QueuedFlowsSupport.commandsFor(agent, "Reserved");
      assertEquals(1, reserved.size(), agent.agentId() + " reserved for " + reserved);
      String id = reserved.get(0);
      JsonObject dial = flows.request(id, "DialNumber");
      Reply matched =
          flows.match(
              dial.getString("_access_number"),
              Map.of("_access_code", dial.getString("_access_code")));
      assertEquals(200, matched.status(), matched::toString);
      assertEquals(agent.agentId(), matched.json().getString("_agent_id"), matched::toString);
      awaitCommand(agent, "Offer", id);
      agent.callResult(id, "COMPLETED");
      flows.awaitState(id, "COMPLETED");
    }
    Eventually.await(
        "the outbox drained",
        Duration.ofSeconds(30),
        () -> Optional.of(stack.count("SELECT count(*) FROM outbox_message")).filter(n -> n == 0));
    assertEquals(0, stack.count("SELECT count(*) FROM pg_prepared_xacts"), "prepared transactions");
  }

  /** Reserved commands received, counted by instance, across the agents. */
  private static Map<String, Long> reservations(List<DesktopClient> agents) {
    return agents.stream()
        .flatMap(agent -> QueuedFlowsSupport.commandsFor(agent, "Reserved").stream())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private Map<String, String> registered() {
    return device.registration();
  }

  private void awaitPush(String id, String action) {
    device.awaitPush(id, action, TIMEOUT);
  }

  private long pushes(String id, String action) {
    return device.pushedActions(id).stream().filter(action::equals).count();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }
}
