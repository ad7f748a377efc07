package io.callflow.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many customers, many agents, every agent serving as fast as it can: no agent is ever held for two
 * customers at once and no customer is reserved twice.
 */
class DispatchConcurrencyIT {

  private static final int CUSTOMERS = 30;
  private static final int AGENTS = 6;

  private final QueuedFlowsSupport flows = new QueuedFlowsSupport(AGENTS);
  private final ExecutorService callers = Executors.newFixedThreadPool(AGENTS);

  @AfterEach
  void close() {
    callers.shutdownNow();
    flows.close();
  }

  @Test
  void busyAgentsAreNeverHeldTwiceAndCustomersAreReservedOnce() {
    String service = flows.service("request-inbound-poll", "");
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      customers.add(flows.create(service, Map.of()).getString("_id"));
    }
    Map<String, String> holding = new ConcurrentHashMap<>(); // agent → customer being served
    List<String> violations = new CopyOnWriteArrayList<>();
    List<String> reservations = new CopyOnWriteArrayList<>();
    List<DesktopClient> agents = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      DesktopClient agent = flows.agent();
      agent.onReceived(
          received -> {
            String customer = received.body().getString("serviceId");
            if (received.type().equals("Reserved")) {
              reservations.add(customer);
              String previous = holding.putIfAbsent(agent.agentId(), customer);
              if (previous != null) {
                violations.add(
                    agent.agentId() + " reserved for " + customer + " while serving " + previous);
              }
              callers.submit(() -> call(customer, violations));
            } else if (received.type().equals("Offer")) {
              holding.remove(agent.agentId(), customer);
              agent.callResult(customer, "COMPLETED");
            } else {
              violations.add("unexpected " + received.type() + " " + received.body());
            }
          });
      agents.add(agent);
    }
    agents.forEach(DesktopClient::ready);

    for (String customer : customers) {
      Eventually.await(
          customer + " completed",
          Duration.ofSeconds(90),
          () ->
              Optional.of(flows.read(customer))
                  .filter(r -> "COMPLETED".equals(r.getString("_state"))));
    }
    assertEquals(List.of(), violations);
    assertEquals(CUSTOMERS, reservations.size(), "one reservation per customer: " + reservations);
    assertEquals(Set.copyOf(customers), Set.copyOf(reservations));
    assertTrue(
        agents.stream().allMatch(a -> !a.received().isEmpty()), "every agent served someone");
  }

  /** The customer dials the number the poll answer gives them. */
  private void call(String customer, List<String> violations) {
    try {
      String number =
          Eventually.await(
              customer + " has a number",
              QueuedFlowsSupport.TIMEOUT,
              () ->
                  Optional.of(flows.request(customer, "check-queue-position"))
                      .filter(r -> r.containsKey("_access_number"))
                      .map(r -> r.getString("_access_number")));
      Reply matched = flows.match(number, Map.of());
      if (matched.status() != 200 || !customer.equals(matched.json().getString("_id"))) {
        violations.add("call of " + customer + " on " + number + " matched " + matched);
      }
    } catch (RuntimeException | AssertionError e) {
      violations.add("call of " + customer + " failed: " + e);
    }
  }
}
