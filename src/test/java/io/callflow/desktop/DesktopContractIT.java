package io.callflow.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.JmsClient;
import io.callflow.testing.JmsClient.Received;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Desktops log agents in, change their state and report call results over JMS, as spec §6 says. */
class DesktopContractIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final GmsClient gms = TestServer.gms();
  private final JmsClient jms = TestServer.jms();
  private final String agentId = "agent-" + UUID.randomUUID();
  private final DesktopClient desktop = TestServer.desktop(agentId);

  @AfterEach
  void close() {
    desktop.close();
    jms.close();
  }

  @Test
  void loggedInAgentIsNotReadyOnTheirQueues() {
    desktop.logIn(List.of("default", "vip"), "5001");

    JsonObject agent = awaitAgentIn("NOT_READY");
    assertEquals(agentId, agent.getString("agentId"));
    assertEquals("5001", agent.getString("extension"));
    assertTrue(agent.getBoolean("loggedIn"));
    assertEquals(List.of("default", "vip"), queues(agent));
    assertTrue(listedAgents().contains(agentId), "GET /admin/agents lists the agent");
  }

  @Test
  void agentGoesReadyThenWrapUpThenLogsOutAndEachChangeIsPublished() {
    JmsClient.Subscription events = jms.subscribe(Destinations.EVENTS);
    desktop.logIn(List.of("default"), "5001");
    desktop.ready();
    awaitAgentIn("READY");
    desktop.wrapUp();
    awaitAgentIn("WRAP_UP");
    desktop.logOut();
    JsonObject loggedOut = awaitAgentIn("LOGOUT");
    assertEquals(false, loggedOut.getBoolean("loggedIn"));

    Received ready = events.await("AgentStateChanged to READY", TIMEOUT, change(agentId, "READY"));
    assertEquals("NOT_READY", ready.body().getString("previousState"));
    assertEquals(List.of("default"), queues(ready.body()));
    assertTrue(
        ready.body().containsKey("eventId") && ready.body().containsKey("at"), ready::toString);
    events.await("AgentStateChanged to NOT_READY on login", TIMEOUT, change(agentId, "NOT_READY"));
    events.await("AgentStateChanged to WRAP_UP", TIMEOUT, change(agentId, "WRAP_UP"));
    events.await("AgentStateChanged to LOGOUT", TIMEOUT, change(agentId, "LOGOUT"));
  }

  @Test
  void aRepeatedMessageChangesNothing() {
    JmsClient.Subscription events = jms.subscribe(Destinations.EVENTS);
    desktop.logIn(List.of("default"), "5001");
    desktop.logIn(List.of("default"), "5001");
    desktop.ready();
    desktop.ready();
    awaitAgentIn("READY");
    desktop.ready();
    desktop.wrapUp(); // one consumer takes the queue in order: once this is through, so are the
    // repeats

    Received wrapUp =
        events.await("AgentStateChanged to WRAP_UP", TIMEOUT, change(agentId, "WRAP_UP"));
    assertEquals("READY", wrapUp.body().getString("previousState"));
    assertEquals(1, count(events, change(agentId, "NOT_READY")), "login announced once");
    assertEquals(1, count(events, change(agentId, "READY")), "READY announced once");
  }

  @Test
  void callResultIsRecordedOnce() throws SQLException {
    String serviceId = UUID.randomUUID().toString();
    desktop.logIn(List.of("default"), "5001");
    desktop.callResult(serviceId, "CONNECTED");
    desktop.callResult(serviceId, "CONNECTED");
    desktop.callResult(serviceId, "COMPLETED");
    desktop.ready();
    awaitAgentIn("READY");

    assertEquals(List.of("CONNECTED", "COMPLETED"), recordedResults(serviceId));
  }

  @Test
  void malformedJsonIsDeadLetteredAndTheConsumerCarriesOn() {
    String body = "{\"agentId\":\"" + agentId + "\",\"state\":";
    desktop.send("AgentState", body);
    assertDeadLettered(body, "AgentState", "malformed JSON");
    assertConsumerStillWorks();
  }

  @Test
  void unknownTypeIsDeadLetteredAndTheConsumerCarriesOn() {
    String body = "{\"agentId\":\"" + agentId + "\"}";
    desktop.send("AgentPause", body);
    assertDeadLettered(body, "AgentPause", "unknown message type 'AgentPause'");
    assertConsumerStillWorks();
  }

  @Test
  void missingAgentIdIsDeadLetteredAndTheConsumerCarriesOn() {
    String body = "{\"queues\":[\"default\"],\"extension\":\"" + agentId + "\"}";
    desktop.send("AgentLogin", body);
    assertDeadLettered(body, "AgentLogin", "missing field 'agentId'");
    assertConsumerStillWorks();
  }

  @Test
  void unknownStateIsDeadLetteredAndTheConsumerCarriesOn() {
    desktop.logIn(List.of("default"), "5001");
    awaitAgentIn("NOT_READY");
    String body = "{\"agentId\":\"" + agentId + "\",\"state\":\"ON_BREAK\"}";
    desktop.send("AgentState", body);
    assertDeadLettered(body, "AgentState", "invalid field 'state': unknown value 'ON_BREAK'");
    desktop.ready();
    awaitAgentIn("READY");
  }

  @Test
  void stateOfAnUnknownAgentIsDeadLetteredAndTheConsumerCarriesOn() {
    String body = "{\"agentId\":\"" + agentId + "\",\"state\":\"READY\"}";
    desktop.send("AgentState", body);
    assertDeadLettered(body, "AgentState", "unknown agent '" + agentId + "'");
    assertConsumerStillWorks();
  }

  @Test
  void desktopReceivesOnlyMessagesAddressedToItsAgent() throws InterruptedException {
    String other = "agent-" + UUID.randomUUID();
    String revoked = "{\"serviceId\":\"s1\",\"agentId\":\"%s\",\"reason\":\"cancelled\"}";
    jms.publish(
        Destinations.DESKTOP_OUT, "Revoked", revoked.formatted(other), Map.of("agentId", other));
    jms.publish(
        Destinations.DESKTOP_OUT,
        "Revoked",
        revoked.formatted(agentId),
        Map.of("agentId", agentId));

    Optional<DesktopClient.Received> mine = desktop.await(m -> "Revoked".equals(m.type()), TIMEOUT);
    assertTrue(mine.isPresent(), "the desktop's own Revoked arrived");
    assertEquals(agentId, mine.get().body().getString("agentId"));
    assertEquals(1, desktop.received().size(), desktop.received()::toString);
  }

  private void assertDeadLettered(String body, String type, String reason) {
    Received dead =
        Eventually.await(
            "dead letter of " + body,
            TIMEOUT,
            () ->
                Optional.ofNullable(jms.receive(Destinations.DESKTOP_DEAD, Duration.ofSeconds(1)))
                    .filter(m -> body.equals(m.body().getString("body", null))));
    assertEquals("RejectedDesktopMessage", dead.type());
    assertEquals(type, dead.body().getString("type"));
    assertTrue(dead.body().getString("reason").contains(reason), dead::toString);
  }

  private void assertConsumerStillWorks() {
    desktop.logIn(List.of("default"), "5001");
    awaitAgentIn("NOT_READY");
  }

  private JsonObject awaitAgentIn(String state) {
    return Eventually.await(
        "agent " + agentId + " in " + state,
        TIMEOUT,
        () ->
            Optional.of(gms.get("/admin/agents/" + agentId))
                .filter(r -> r.status() == 200)
                .map(Reply::json)
                .filter(agent -> state.equals(agent.getString("state"))));
  }

  private List<String> listedAgents() {
    Reply list = gms.get("/admin/agents");
    assertEquals(200, list.status(), list::toString);
    JsonArray agents = Json.createReader(new StringReader(list.body())).readArray();
    return agents.getValuesAs(JsonObject.class).stream().map(a -> a.getString("agentId")).toList();
  }

  private List<String> recordedResults(String serviceId) throws SQLException {
    try (Connection db = TestServer.stack().connectToDatabase();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT result FROM call_result WHERE service_id = ? ORDER BY reported_at, id")) {
      query.setString(1, serviceId);
      try (ResultSet rows = query.executeQuery()) {
        List<String> results = new java.util.ArrayList<>();
        while (rows.next()) {
          results.add(rows.getString(1));
        }
        return results;
      }
    }
  }

  private static List<String> queues(JsonObject json) {
    return json.getJsonArray("queues").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static Predicate<Received> change(String agentId, String state) {
    return m ->
        "AgentStateChanged".equals(m.type())
            && agentId.equals(m.body().getString("agentId", null))
            && state.equals(m.body().getString("state", null));
  }

  private static long count(JmsClient.Subscription events, Predicate<Received> matching) {
    return events.received().stream().filter(matching).count();
  }
}
