package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.CallflowStack;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessIT {

  private final GmsClient gms = TestServer.gms();

  @Test
  void readyWithDatabaseUpAndTheBrokerReported() {
    Reply ready = gms.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    assertEquals("UP", check(ready.json(), "database").getString("status"));
    assertEquals(
        "SUCCEEDED", check(ready.json(), "database").getJsonObject("data").getString("migration"));
    assertEquals("UP", check(ready.json(), "broker").getString("status"));
    assertEquals(
        "UP",
        check(ready.json(), "broker").getJsonObject("data").getString("broker"),
        ready::toString);
  }

  @Test
  void livenessMetricsAndOpenApiAnswer() {
    assertEquals(200, gms.get("/health/live").status());
    assertEquals(200, gms.get("/metrics").status());
    gms.post("/genesys/1/service/request-interaction");
    Reply metrics = gms.get("/metrics");
    assertTrue(metrics.body().contains("callflow_allocations_total"), "allocations are counted");
    assertTrue(
        metrics.body().contains("callflow_pool_utilisation"), "pool utilisation is reported");
    Reply openApi = gms.get("/openapi");
    assertEquals(200, openApi.status());
    assertTrue(openApi.body().contains("/admin/diagnostics/round-trips"), openApi::body);
  }

  @Test
  void aBrokerOutageNeitherClosesTheFrontDoorNorLosesMessages() throws Exception {
    CallflowStack stack = TestServer.stack();
    stack.stopBroker();
    try {
      Reply ready =
          Eventually.await(
              "readiness reports the broker down",
              Duration.ofSeconds(30),
              () ->
                  Optional.of(gms.get("/health/ready"))
                      .filter(r -> r.status() == 200)
                      .filter(
                          r ->
                              "DOWN"
                                  .equals(
                                      check(r.json(), "broker")
                                          .getJsonObject("data")
                                          .getString("broker"))));
      assertEquals("UP", check(ready.json(), "broker").getString("status"), ready::toString);
      assertEquals("UP", check(ready.json(), "database").getString("status"));
      // requests are served; what they cause waits in the outbox
      java.time.Instant asked = java.time.Instant.now();
      Reply served = gms.post("/genesys/1/service/request-interaction");
      assertEquals(200, served.status(), served::toString);
      assertTrue(
          Duration.between(asked, java.time.Instant.now()).compareTo(Duration.ofSeconds(5)) < 0,
          "not held by the broker's absence");
      Eventually.await(
          "the outbox holds the request's messages",
          Duration.ofSeconds(10),
          () -> Optional.of(backlog()).filter(n -> n > 0));
    } finally {
      stack.startBroker();
    }
    Eventually.await(
        "the outbox drains once the broker is back",
        Duration.ofSeconds(60),
        () -> Optional.of(backlog()).filter(n -> n == 0));
    // the next tests need the message-driven beans back, not only a reachable broker
    stack.awaitListeners(CallflowStack.LISTENER_TIMEOUT);
  }

  private long backlog() {
    // the health endpoint may render a number as a string
    String value =
        check(gms.get("/health/ready").json(), "broker")
            .getJsonObject("data")
            .get("outboxBacklog")
            .toString();
    return Long.parseLong(value.replace("\"", ""));
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> name.equals(c.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
  }
}
