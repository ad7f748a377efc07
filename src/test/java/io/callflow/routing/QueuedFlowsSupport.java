package io.callflow.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.AgentStates;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the queued-flow tests share: a queue of their own (so no other test's agents or customers
 * meet theirs), a pool of fresh numbers, services configured through the admin API, and desktops
 * written against the JMS contract.
 */
class QueuedFlowsSupport implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final GmsClient gms = TestServer.gms();
  final String queue = Fixtures.uniqueName("q");
  final List<String> numbers;
  final String pool;
  private final List<DesktopClient> desktops = new ArrayList<>();

  QueuedFlowsSupport(int numbers) {
    this.numbers = Fixtures.freshNumbers(numbers);
    this.pool = Fixtures.pool(gms, "LOCKING", 60, this.numbers);
    Reply configured =
        gms.putJson("/admin/queues/" + queue, "{\"options\":{\"_default_handle_time\":\"60\"}}");
    assertEquals(200, configured.status(), configured::toString);
  }

  /** A service running {@code flow} on this queue and pool, with extra options as JSON members. */
  String service(String flow, String extraOptionsJson) {
    String options =
        "\"_queue\":\""
            + queue
            + "\",\"_resource_group\":\""
            + pool
            + "\""
            + (extraOptionsJson.isEmpty() ? "" : "," + extraOptionsJson);
    return Fixtures.service(gms, flow, flow, options);
  }

  /** Creates an instance of {@code service}; answers the create answer. */
  JsonObject create(String service, Map<String, String> form) {
    Reply created = gms.postForm("/genesys/1/service/" + service, form);
    assertEquals(200, created.status(), created::toString);
    return created.json();
  }

  /** An agent logged in to this queue, NOT_READY until told otherwise. */
  DesktopClient agent() {
    DesktopClient desktop = TestServer.desktop(Fixtures.uniqueName("agent"));
    desktops.add(desktop);
    desktop.logIn(List.of(queue), "5" + desktops.size());
    awaitAgentState(desktop.agentId(), "NOT_READY");
    return desktop;
  }

  /** An agent logged in and READY on this queue. */
  DesktopClient readyAgent() {
    DesktopClient desktop = agent();
    desktop.ready();
    awaitAgentState(desktop.agentId(), "READY");
    return desktop;
  }

  void awaitAgentState(String agentId, String state) {
    AgentStates.await(gms, agentId, state, TIMEOUT);
  }

  /** The first {@code type} command for {@code serviceId} the desktop receives. */
  static JsonObject awaitCommand(DesktopClient desktop, String type, String serviceId) {
    return awaitCommand(desktop, type, serviceId, 0);
  }

  /** The {@code (skip + 1)}-th {@code type} command for {@code serviceId} the desktop receives. */
  static JsonObject awaitCommand(DesktopClient desktop, String type, String serviceId, int skip) {
    try {
      return Eventually.await(
          desktop.agentId() + " receives " + type + " #" + (skip + 1) + " for " + serviceId,
          TIMEOUT,
          () ->
              desktop.received().stream()
                  .filter(
                      r ->
                          r.type().equals(type)
                              && r.body().getString("serviceId").equals(serviceId))
                  .skip(skip)
                  .findFirst()
                  .map(DesktopClient.Received::body));
    } catch (AssertionError e) {
      GmsClient gms = TestServer.gms();
      throw new AssertionError(
          e.getMessage()
              + "; instance "
              + gms.get("/genesys/1/service/" + serviceId).body()
              + ", agent "
              + gms.get("/admin/agents/" + desktop.agentId()).body()
              + ", received "
              + desktop.received()
              + "; server log: "
              + String.join("\n", TestServer.recentLog(40)),
          e);
    }
  }

  /** Service ids of the {@code type} commands the desktop received, in order. */
  static List<String> commandsFor(DesktopClient desktop, String type) {
    return desktop.received().stream()
        .filter(r -> r.type().equals(type))
        .map(r -> r.body().getString("serviceId"))
        .collect(Collectors.toList());
  }

  JsonObject read(String id) {
    Reply read = gms.get("/genesys/1/service/" + id);
    assertEquals(200, read.status(), read::toString);
    return read.json();
  }

  JsonObject awaitState(String id, String state) {
    try {
      return Eventually.await(
          id + " reaches " + state,
          TIMEOUT,
          () -> Optional.of(read(id)).filter(r -> state.equals(r.getString("_state"))));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + diagnosis(id), e);
    }
  }

  /** What the server says of the instance, its queue and its agents, for a failure's message. */
  String diagnosis(String id) {
    StringBuilder said =
        new StringBuilder("instance ").append(gms.get("/genesys/1/service/" + id).body());
    said.append(", queue ").append(gms.get("/admin/queues/" + queue).body());
    desktops.forEach(
        d ->
            said.append(", ")
                .append(gms.get("/admin/agents/" + d.agentId()).body())
                .append(" received ")
                .append(d.received()));
    said.append("; server log: ").append(String.join("\n", TestServer.recentLog(40)));
    return said.toString();
  }

  /** GET /service/{id}/{request}, expecting 200. */
  JsonObject request(String id, String request) {
    Reply answer = gms.get("/genesys/1/service/" + id + "/" + request);
    assertEquals(200, answer.status(), answer::toString);
    return answer.json();
  }

  /** The IVR's match of a call to {@code accessNumber}. */
  Reply match(String accessNumber, Map<String, String> more) {
    Map<String, String> form = new LinkedHashMap<>(more);
    form.put("_access_number", accessNumber);
    return gms.postForm("/genesys/1/service/match-interaction", form);
  }

  @Override
  public void close() {
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
