package io.callflow.routing;

import static io.callflow.routing.QueuedFlowsSupport.awaitCommand;
import static io.callflow.routing.QueuedFlowsSupport.commandsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FIFO dispatch, reservations that lapse, cancels in every state, restarts: over HTTP and JMS. */
class QueueRoutingIT {

  private final QueuedFlowsSupport flows = new QueuedFlowsSupport(3);

  @AfterEach
  void close() {
    flows.close();
  }

  @Test
  void tenCustomersAndThreeAgentsAreServedInArrivalOrderWithNoAgentHeldTwice() throws Exception {
    String service = flows.service("request-inbound-poll", "");
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      customers.add(flows.create(service, Map.of("customer", "c" + i)).getString("_id"));
    }
    List<DesktopClient> agents = List.of(flows.agent(), flows.agent(), flows.agent());
    agents.forEach(DesktopClient::ready);

    // three agents turn ready at once: the three oldest customers are reserved, one each
    Set<String> firstThree = new HashSet<>();
    for (DesktopClient agent : agents) {
      JsonObject reserved = awaitAnyReserved(agent, 0);
      firstThree.add(reserved.getString("serviceId"));
    }
    assertEquals(Set.copyOf(customers.subList(0, 3)), firstThree);

    // from then on one agent at a time finishes a call: the next oldest customer is theirs
    for (int next = 3; next < 10 + 3; next++) {
      DesktopClient agent = agents.get(next % 3);
      int served = commandsFor(agent, "Reserved").size();
      String current = commandsFor(agent, "Reserved").get(served - 1);
      serve(agent, current);
      if (next < 10) {
        JsonObject reserved = awaitAnyReserved(agent, served);
        assertEquals(
            customers.get(next),
            reserved.getString("serviceId"),
            "FIFO: customer " + next + " is next");
      }
    }
    for (String customer : customers) {
      flows.awaitState(customer, "COMPLETED");
    }
    for (DesktopClient agent : agents) {
      List<String> reserved = commandsFor(agent, "Reserved");
      assertEquals(
          reserved.size(),
          Set.copyOf(reserved).size(),
          "no customer reserved twice for " + agent.agentId());
    }
    int total = agents.stream().mapToInt(a -> commandsFor(a, "Reserved").size()).sum();
    assertEquals(10, total, "each customer reserved exactly once");
  }

  @Test
  void aLapsedReservationPutsTheCustomerBackAtTheirOldPlace() {
    String service = flows.service("request-inbound-poll", "\"_agent_reserve_timeout\":\"5\"");
    String first = flows.create(service, Map.of()).getString("_id");
    String second = flows.create(service, Map.of()).getString("_id");
    DesktopClient agent = flows.readyAgent();

    awaitCommand(agent, "Reserved", first);
    String number = flows.awaitState(first, "ACCESS_ISSUED").getString("_access_number");
    // the customer never calls: after 5 s the agent is released and the first customer is first
    // again
    JsonObject revoked = awaitCommand(agent, "Revoked", first);
    assertEquals("TIMEOUT", revoked.getString("reason"));
    awaitCommand(agent, "Reserved", first, 1);
    assertFalse(
        commandsFor(agent, "Reserved").contains(second),
        "the second customer never jumped the queue");
    Reply lateCallOnOldNumber = flows.match(number, Map.of());
    // the number was released with the reservation; a new one may be the same number, but then it
    // is live again
    if (lateCallOnOldNumber.status() == 200) {
      assertEquals(first, lateCallOnOldNumber.json().getString("_id"));
    } else {
      assertEquals(404, lateCallOnOldNumber.status(), lateCallOnOldNumber::toString);
    }
  }

  @Test
  void anAgentWhoLeavesReadyIsReplacedAndTheCustomerWaitsAgain() {
    String service = flows.service("request-inbound-poll", "");
    String customer = flows.create(service, Map.of()).getString("_id");
    DesktopClient first = flows.readyAgent();
    awaitCommand(first, "Reserved", customer);

    first.notReady();

    assertEquals("AGENT_NOT_READY", awaitCommand(first, "Revoked", customer).getString("reason"));
    flows.awaitState(customer, "QUEUED");
    DesktopClient second = flows.readyAgent();
    awaitCommand(second, "Reserved", customer);
    JsonObject issued = flows.awaitState(customer, "ACCESS_ISSUED");
    assertEquals(second.agentId(), issued.getString("_agent_id"));
  }

  @Test
  void cancelInEveryStateLeavesTheQueueRevokesTheAgentAndFreesTheNumber() {
    String plain = flows.service("request-inbound-poll", "");
    String confirming =
        flows.service("request-inbound-poll", "\"_wait_for_user_confirm\":\"true\"");

    // QUEUED: leaves the queue; the customer behind moves up
    String queued = flows.create(plain, Map.of()).getString("_id");
    String behind = flows.create(plain, Map.of()).getString("_id");
    assertEquals("2", flows.read(behind).getString("_position"));
    cancel(queued);
    assertEquals("1", flows.read(behind).getString("_position"));
    cancel(behind);

    DesktopClient agent = flows.readyAgent();

    // WAITING_CONFIRM: the agent is released
    String waiting = flows.create(confirming, Map.of()).getString("_id");
    flows.awaitState(waiting, "WAITING_CONFIRM");
    cancel(waiting);
    assertEquals("CANCELLED", awaitCommand(agent, "Revoked", waiting).getString("reason"));

    // ACCESS_ISSUED: the agent is released and the number is free for the next customer
    String issued = flows.create(plain, Map.of()).getString("_id");
    String number = flows.awaitState(issued, "ACCESS_ISSUED").getString("_access_number");
    cancel(issued);
    awaitCommand(agent, "Revoked", issued);
    assertEquals(
        404, flows.match(number, Map.of()).status(), "the cancelled booking matches nothing");

    // CONNECTED: the call is over for the app; the agent takes the next customer
    String connected = flows.create(plain, Map.of()).getString("_id");
    String dialled = flows.awaitState(connected, "ACCESS_ISSUED").getString("_access_number");
    assertEquals(200, flows.match(dialled, Map.of()).status());
    flows.awaitState(connected, "CONNECTED");
    cancel(connected);
    String next = flows.create(plain, Map.of()).getString("_id");
    awaitCommand(agent, "Reserved", next);

    // cancelling again changes nothing
    Reply again = flows.gms.delete("/genesys/1/service/" + connected);
    assertEquals(200, again.status());
    assertEquals("CANCELLED", again.json().getString("_state"));
  }

  @Test
  void aQueuedFlowInterruptedByARestartCompletesAfterwards() throws Exception {
    String service = flows.service("request-inbound-poll", "");
    String customer = flows.create(service, Map.of("topic", "restart")).getString("_id");

    TestServer.stack().restartServer();

    assertEquals("QUEUED", flows.read(customer).getString("_state"));
    assertEquals("1", flows.read(customer).getString("_position"));
    DesktopClient agent = flows.readyAgent();
    awaitCommand(agent, "Reserved", customer);
    serve(agent, customer);
    flows.awaitState(customer, "COMPLETED");
  }

  @Test
  void predictedAndActualWaitsAreRecordedPerQueue() {
    String service = flows.service("request-inbound-poll", "");
    String customer = flows.create(service, Map.of()).getString("_id");
    DesktopClient agent = flows.readyAgent();
    awaitCommand(agent, "Reserved", customer);

    JsonObject queue = flows.gms.get("/admin/queues/" + flows.queue).json();
    JsonObject waits = queue.getJsonObject("waits");
    assertEquals(1, waits.getInt("samples"), queue::toString);
    assertTrue(waits.getJsonNumber("meanAbsoluteErrorSeconds").doubleValue() >= 0, queue::toString);
    assertEquals(1, queue.getJsonObject("agents").getInt("loggedIn"), queue::toString);
    assertEquals(0, queue.getInt("waiting"), queue::toString);
    String metrics = flows.gms.get("/metrics").body();
    for (String name :
        List.of(
            "callflow_agent_reservations_total",
            "callflow_queue_waiting",
            "callflow_queue_ewt_mean_absolute_error_seconds")) {
      assertTrue(
          metrics
              .lines()
              .anyMatch(
                  line -> line.startsWith(name) && line.contains("queue=\"" + flows.queue + "\"")),
          name + " for the queue on /metrics");
    }
  }

  /** The customer calls the number they were given; the agent takes the call and completes it. */
  private void serve(DesktopClient agent, String customer) {
    JsonObject issued = flows.awaitState(customer, "ACCESS_ISSUED");
    Reply matched = flows.match(issued.getString("_access_number"), Map.of());
    assertEquals(200, matched.status(), matched::toString);
    assertEquals(agent.agentId(), matched.json().getString("_agent_id"));
    awaitCommand(agent, "Offer", customer);
    agent.callResult(customer, "COMPLETED");
  }

  private static JsonObject awaitAnyReserved(DesktopClient agent, int skip) {
    return io.callflow.testing.Eventually.await(
        agent.agentId() + " reserved #" + (skip + 1),
        QueuedFlowsSupport.TIMEOUT,
        () ->
            agent.received().stream()
                .filter(r -> r.type().equals("Reserved"))
                .skip(skip)
                .findFirst()
                .map(DesktopClient.Received::body));
  }

  private void cancel(String id) {
    Reply cancelled = flows.gms.delete("/genesys/1/service/" + id);
    assertEquals(200, cancelled.status(), cancelled::toString);
    assertEquals("CANCELLED", cancelled.json().getString("_state"));
  }
}
