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
  void readyOnlyWithDatabaseAndBrokerUp() {
    Reply ready = gms.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    assertEquals("UP", check(ready.json(), "database").getString("status"));
    assertEquals(
        "SUCCEEDED", check(ready.json(), "database").getJsonObject("data").getString("migration"));
    assertEquals("UP", check(ready.json(), "broker").getString("status"));
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
  void readinessGoesDownWhileTheBrokerIsDownAndComesBack() throws Exception {
    CallflowStack stack = TestServer.stack();
    stack.stopBroker();
    try {
      Reply down =
          Eventually.await(
              "readiness 503 with the broker stopped",
              Duration.ofSeconds(30),
              () -> Optional.of(gms.get("/health/ready")).filter(r -> r.status() == 503));
      assertEquals("DOWN", check(down.json(), "broker").getString("status"));
      assertEquals("UP", check(down.json(), "database").getString("status"));
      // a request that must send a message is refused in bounded time with a 503, never a 500
      java.time.Instant asked = java.time.Instant.now();
      Reply refused = gms.post("/genesys/1/service/request-interaction");
      assertEquals(503, refused.status(), refused::toString);
      assertEquals("BrokerUnavailable", refused.json().getString("exception"), refused::toString);
      assertTrue(refused.header("Retry-After").isPresent(), refused::toString);
      assertTrue(
          Duration.between(asked, java.time.Instant.now()).compareTo(Duration.ofSeconds(20)) < 0,
          "not hung");
    } finally {
      stack.startBroker();
    }
    Eventually.await(
        "readiness 200 once the broker is back",
        Duration.ofSeconds(60),
        () -> Optional.of(gms.get("/health/ready")).filter(r -> r.status() == 200));
    // the next tests need the message-driven beans back, not only a reachable broker
    stack.awaitListeners(CallflowStack.LISTENER_TIMEOUT);
    Eventually.await(
        "requests served again once the broker is back",
        Duration.ofSeconds(60),
        () ->
            Optional.of(gms.post("/genesys/1/service/request-interaction"))
                .filter(r -> r.status() == 200));
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> name.equals(c.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
  }
}
