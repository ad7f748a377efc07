package io.callflow.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.PushReceiver;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's page, pool figures, broker and outbox state, failed pushes and live instances over
 * HTTP; the page at work is the browser stories'.
 */
class ConsoleIT {

  private final GmsClient admin = TestServer.gms();

  @Test
  void theConsoleNeedsAnAdministrator() {
    assertEquals(401, admin.anonymous().get("/console/").status());
    assertEquals(401, admin.anonymous().get("/console").status());
    assertEquals(401, admin.anonymous().get("/console/console.js").status());
    assertEquals(401, admin.anonymous().get("/admin/console/pools").status());
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                ("admin:" + TestServer.ADMIN_PASSWORD)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Reply page = admin.withHeader("Authorization", "Basic " + basic).get("/console/");
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.body().contains("console.js"), page.body());
  }

  @Test
  void aSampledBookingGivesThePoolARateAHoldAndSizingAdvice() {
    String pool = Fixtures.pool(admin, "LOCKING", 60, Fixtures.freshNumbers(2));
    String service = Fixtures.interactionService(admin, pool, "");
    String id = admin.post("/genesys/1/service/" + service).json().getString("_id");
    assertEquals(200, admin.delete("/genesys/1/service/" + id).status());

    JsonObject sampled =
        Eventually.await(
            "a sample of " + pool + " that counts the booking",
            Duration.ofSeconds(30),
            () ->
                poolFigures(pool).filter(p -> p.getJsonNumber("bookingsStarted").longValue() > 0));
    assertEquals("LOCKING", sampled.getString("allocation"));
    assertEquals(2, sampled.getInt("numbers"));
    assertTrue(sampled.getJsonNumber("bookingsPerHour").doubleValue() > 0, sampled::toString);
    JsonObject needed = sampled.getJsonObject("numbersNeeded");
    assertTrue(needed.getInt("onePercent") >= 1, sampled::toString);
    assertTrue(needed.getInt("oneTenthPercent") >= needed.getInt("onePercent"));
    assertTrue(!sampled.getJsonArray("samples").isEmpty(), sampled::toString);
  }

  @Test
  void theBrokerAndTheOutboxBacklogAreReadAndPushedOnTheBeat() {
    JsonObject messaging = admin.get("/admin/console/messaging").json();
    assertEquals("UP", messaging.getString("broker"), messaging::toString);
    assertTrue(messaging.getJsonNumber("outboxBacklog").longValue() >= 0, messaging::toString);
    assertTrue(!messaging.containsKey("error"), messaging::toString);

    String snapshot = firstSnapshot();
    JsonObject pushed =
        Json.createReader(new StringReader(snapshot)).readObject().getJsonObject("messaging");
    assertEquals("UP", pushed.getString("broker"), snapshot);
    assertTrue(pushed.containsKey("outboxBacklog"), snapshot);
  }

  @Test
  void aPushGivenUpIsListedWithItsReasonAndSentAgainOnRetry() {
    try (PushReceiver device = PushReceiver.start().failAlways()) {
      String pool = Fixtures.pool(admin, "LOCKING", 120, Fixtures.freshNumbers(2));
      String service =
          Fixtures.service(
              admin,
              "inbound-immediate",
              "request-inbound-immediate",
              "\"_resource_group\":\"" + pool + "\",\"_provide_code\":\"true\"");
      String id =
          admin
              .postForm("/genesys/1/service/" + service, device.registration())
              .json()
              .getString("_id");

      JsonObject dead =
          Eventually.await(
              "the push to " + id + " given up", Duration.ofSeconds(40), () -> deadPushOf(id));
      assertTrue(dead.getString("reason").contains("HTTP 503"), dead::toString);
      assertEquals(3, dead.getInt("attempts"));
      assertEquals("httpcb", dead.getString("type"));
      assertTrue(dead.getBoolean("retryable"), dead::toString);
      assertTrue(dead.getString("message").contains(id), dead::toString);

      String retry =
          "/admin/console/deliveries/"
              + dead.getString("eventId")
              + "/"
              + dead.getString("subscriptionId")
              + "/retry";
      assertEquals(415, admin.postForm(retry, Map.of()).status(), "a form cannot retry");
      assertEquals(401, admin.anonymous().postJson(retry, "{}").status());
      assertEquals(3, device.received().size(), "nothing sent again yet");

      device.recover();
      Reply retried = admin.postJson(retry, "{}");
      assertEquals(202, retried.status(), retried::toString);
      assertEquals("RETRYING", retried.json().getString("state"));
      PushReceiver.Received delivered =
          device.await(
              "the push sent again", Duration.ofSeconds(30), PushReceiver.Received::delivered);
      assertTrue(delivered.body().contains(id), delivered::toString);
      Eventually.await(
          "the push no longer listed as given up",
          Duration.ofSeconds(15),
          () -> deadPushOf(id).isEmpty() ? Optional.of(true) : Optional.empty());
      Reply again = admin.postJson(retry, "{}");
      assertEquals(404, again.status(), again::toString);
      assertTrue(again.header("Content-Type").orElse("").startsWith("application/problem+json"));
    }
  }

  @Test
  void anInstanceIsFoundByIdOrPhoneNumberAndCancelledWhoeverCreatedIt() {
    String pool = Fixtures.pool(admin, "LOCKING", 120, Fixtures.freshNumbers(2));
    String service = Fixtures.interactionService(admin, pool, "");
    String phone = "+1415555" + (1000 + new java.util.Random().nextInt(9000));
    GmsClient app = admin.withHeader("gms_user", "console-it-app");
    String id =
        app.postForm("/genesys/1/service/" + service, Map.of("_phone_number", phone))
            .json()
            .getString("_id");

    JsonObject live = instanceIn("", id).orElseThrow(() -> new AssertionError(id + " not live"));
    assertEquals("ACCESS_ISSUED", live.getString("state"));
    assertEquals(service, live.getString("service"));
    assertEquals(phone, live.getString("phoneNumber"));
    assertTrue(live.getBoolean("live"));
    assertTrue(!live.getString("changedAt").isEmpty() && !live.getString("createdAt").isEmpty());
    JsonObject[] byId = instances(id).toArray(JsonObject[]::new);
    assertEquals(1, byId.length);
    assertEquals(id, byId[0].getString("id"));
    assertTrue(instanceIn(phone, id).isPresent(), "found by phone number");

    assertEquals(401, admin.anonymous().delete("/admin/console/instances/" + id).status());
    Reply cancelled = admin.delete("/admin/console/instances/" + id);
    assertEquals(200, cancelled.status(), cancelled::toString);
    assertEquals("CANCELLED", cancelled.json().getString("_state"));
    assertEquals("CANCELLED", app.get("/genesys/1/service/" + id).json().getString("_state"));
    assertTrue(instanceIn("", id).isEmpty(), "no longer live");
    JsonObject ended = instanceIn(id, id).orElseThrow();
    assertEquals("CANCELLED", ended.getString("state"));
    assertTrue(!ended.getBoolean("live"));
    assertEquals(200, admin.delete("/admin/console/instances/" + id).status(), "repeatable");

    Reply unknown = admin.delete("/admin/console/instances/no-such-instance");
    assertEquals(404, unknown.status(), unknown::toString);
    assertTrue(unknown.header("Content-Type").orElse("").startsWith("application/problem+json"));
  }

  private Stream<JsonObject> instances(String query) {
    String q = java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
    return admin
        .get("/admin/console/instances?limit=200&q=" + q)
        .json()
        .getJsonArray("instances")
        .stream()
        .map(JsonObject.class::cast);
  }

  private Optional<JsonObject> instanceIn(String query, String id) {
    return instances(query).filter(i -> i.getString("id").equals(id)).findFirst();
  }

  private Optional<JsonObject> deadPushOf(String serviceId) {
    return admin.get("/admin/console/deliveries").json().getJsonArray("deliveries").stream()
        .map(JsonObject.class::cast)
        .filter(d -> serviceId.equals(d.getString("serviceId", "")))
        .findFirst();
  }

  /** The data of the first event on the console's stream. */
  private static String firstSnapshot() {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("admin:" + TestServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(TestServer.stack().baseUrl() + "/admin/console/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Basic " + basic)
            .build();
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<HttpResponse<Stream<String>>> lines =
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    lines.thenAccept(
        response ->
            response
                .body()
                .filter(line -> line.startsWith("data:"))
                .findFirst()
                .ifPresent(line -> first.complete(line.substring(5).strip())));
    try {
      return first.get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no snapshot on /admin/console/events", e);
    } finally {
      lines.cancel(true);
    }
  }

  private Optional<JsonObject> poolFigures(String pool) {
    return admin.get("/admin/console/pools").json().getJsonArray("pools").stream()
        .map(JsonObject.class::cast)
        .filter(p -> p.getString("name").equals(pool))
        .findFirst();
  }
}
