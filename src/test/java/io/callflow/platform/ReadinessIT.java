package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.CallflowStack;
import io.callflow.launcher.EmbeddedDatabase;
import io.callflow.launcher.Folders;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
    assertEquals("UP", check(ready.json(), "application").getString("status"));
  }

  /**
   * A fresh server (its own database and broker) polled every 0.2 s from its launch, as a load
   * balancer would: readiness never answers 500, and from its first 200 on the admin and GMS APIs
   * answer as the application, whose schema is migrated and whose checks are all there.
   */
  @Test
  void readinessSays200OnlyOnceTheApplicationServes() throws Exception {
    Path dataDir = Files.createTempDirectory("callflow-fresh-");
    CallflowStack.Layout layout =
        TestServer.layout(dataDir, EmbeddedDatabase.MAX_PREPARED_TRANSACTIONS);
    GmsClient fresh =
        new GmsClient("http://127.0.0.1:" + layout.httpPort())
            .asAdministrator("admin", TestServer.ADMIN_PASSWORD)
            .withTimeout(Duration.ofSeconds(10));
    List<Probe> probes = new CopyOnWriteArrayList<>();
    long launched = System.nanoTime();
    ScheduledExecutorService balancer = Executors.newSingleThreadScheduledExecutor();
    balancer.scheduleWithFixedDelay(
        () -> probes.add(Probe.of(fresh, launched)), 0, 200, TimeUnit.MILLISECONDS);
    CallflowStack stack = null;
    try {
      stack = CallflowStack.start(layout);
      Eventually.await(
          "three probes of the started server",
          Duration.ofSeconds(30),
          () -> Optional.of(probes).filter(p -> p.stream().filter(Probe::ready).count() >= 3));
    } finally {
      balancer.shutdownNow(); // before the server stops: its shutdown is not under test
      balancer.awaitTermination(30, TimeUnit.SECONDS);
      if (stack != null) {
        stack.close();
      }
      Folders.deleteTree(dataDir);
    }

    String timeline = probes.stream().map(Probe::toString).collect(Collectors.joining("\n"));
    for (Probe probe : probes) {
      probe
          .readiness()
          .ifPresent(
              r -> assertTrue(r.status() == 200 || r.status() == 503, () -> "at " + timeline));
    }
    Probe first = probes.stream().filter(Probe::ready).findFirst().orElseThrow();
    JsonObject health = first.readiness().orElseThrow().json();
    assertEquals("UP", check(health, "application").getString("status"), timeline);
    assertEquals(
        "SUCCEEDED",
        check(health, "database").getJsonObject("data").getString("migration"),
        timeline);
    check(health, "broker");
    for (Probe ready : probes.stream().filter(Probe::ready).toList()) {
      Reply pools = ready.pools().orElseThrow();
      assertEquals(200, pools.status(), () -> ready + " in " + timeline);
      assertTrue(pools.contentType().startsWith("application/json"), () -> ready + "");
      Reply unknown = ready.gms().orElseThrow();
      assertEquals(404, unknown.status(), () -> ready + " in " + timeline);
      assertTrue(unknown.contentType().startsWith("application/problem+json"), () -> ready + "");
    }
  }

  /**
   * One round of a load balancer against a starting server: readiness (empty while nothing
   * listens), then, when it said 200, what a client meets on the admin and GMS APIs.
   */
  private record Probe(
      long millis, Optional<Reply> readiness, Optional<Reply> pools, Optional<Reply> gms) {

    static Probe of(GmsClient server, long launched) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
      Optional<Reply> readiness = answer(() -> server.get("/health/ready"));
      if (readiness.filter(r -> r.status() == 200).isEmpty()) {
        return new Probe(millis, readiness, Optional.empty(), Optional.empty());
      }
      return new Probe(
          millis,
          readiness,
          answer(() -> server.get("/admin/pools")),
          answer(() -> server.get("/genesys/1/service/no-such-instance")));
    }

    private static Optional<Reply> answer(java.util.function.Supplier<Reply> request) {
      try {
        return Optional.of(request.get());
      } catch (UncheckedIOException nothingListens) {
        return Optional.empty();
      }
    }

    boolean ready() {
      return readiness.filter(r -> r.status() == 200).isPresent();
    }

    @Override
    public String toString() {
      return "+"
          + millis
          + " ms: readiness "
          + readiness.map(Probe::brief).orElse("no answer")
          + pools.map(r -> ", pools " + brief(r)).orElse("")
          + gms.map(r -> ", gms " + brief(r)).orElse("");
    }

    private static String brief(Reply reply) {
      String body = reply.body().replaceAll("\\s+", " ");
      return reply.status()
          + " "
          + reply.contentType()
          + " "
          + body.substring(0, Math.min(body.length(), 160));
    }
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
    // the request's events reach the broker; their latency is given in seconds, as its name says
    double p99 =
        Eventually.await(
            "the commit-to-broker latency is reported",
            Duration.ofSeconds(10),
            () ->
                gms.get("/metrics")
                    .body()
                    .lines()
                    .filter(line -> line.startsWith("callflow_outbox_commit_to_broker_seconds{"))
                    .filter(line -> line.contains("quantile=\"0.99\""))
                    .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .filter(seconds -> seconds > 0)
                    .findFirst());
    assertTrue(p99 < 60, "a p99 of " + p99 + " s is not a latency in seconds");
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
      // the operations console shows the same, with how long the oldest message has waited
      jakarta.json.JsonObject console = gms.get("/admin/console/messaging").json();
      assertEquals("DOWN", console.getString("broker"), console::toString);
      assertTrue(console.getJsonNumber("outboxBacklog").longValue() > 0, console::toString);
      assertTrue(console.getJsonNumber("oldestAgeSeconds").longValue() >= 0, console::toString);
      assertTrue(!console.getString("oldestWaiting").isEmpty(), console::toString);
      assertTrue(console.containsKey("error"), console::toString);
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
