package io.callflow.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.Browser;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.PushReceiver;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An operator on the console and a customer on the demo page: the operator creates a one-number
 * pool, the customers exhaust it (the second is refused with a 503), and the console shows the pool
 * full and how many numbers it would need; the operator sees the broker up and the outbox drained,
 * finds a customer's instance by their phone number and cancels it, which the customer's page
 * shows, with the states it went through; the operator sees a queue's predicted waits against the
 * waits they were, edits a service's options, and sends a push the app refused again once the app
 * is back.
 */
class OperationsConsoleStory {

  private final GmsClient admin = TestServer.gms();
  private final Browser operatorBrowser = Browser.open();
  private final Browser customerBrowser = Browser.open();

  @AfterEach
  void close() {
    operatorBrowser.close();
    customerBrowser.close();
  }

  @Test
  void anExhaustedPoolIsShownFullWithItsSizingAdvice() {
    String pool = Fixtures.uniqueName("one");
    ConsolePage console =
        new ConsolePage(operatorBrowser)
            .createLockingPool(pool, 120, Fixtures.freshNumbers(1))
            .awaitPool(pool, "live", "0 / 1");
    String service = Fixtures.interactionService(admin, pool, "");

    DemoPage first = new DemoPage(customerBrowser).ask(service, "+14155550100", "first_name=Ada");
    first.awaitState("ACCESS_ISSUED");
    DemoPage second = new DemoPage(customerBrowser);
    customerBrowser.type("service", service).click("start");
    customerBrowser.await(
        "the second customer is refused", () -> customerBrowser.text("status").endsWith("→ 503"));
    assertTrue(second.answer().contains("\"status\": 503"), second.answer());
    second.screenshot("demo-pool-exhausted");

    console.awaitPool(pool, "live", "1 / 1").awaitBookingsSampled(pool);
    int forOnePercent = Integer.parseInt(console.pool(pool, "needed-1"));
    int forOneTenthPercent = Integer.parseInt(console.pool(pool, "needed-01"));
    assertTrue(forOnePercent >= 1 && forOneTenthPercent >= forOnePercent, forOnePercent + "");
    console.screenshot("console-pool-exhausted");
  }

  @Test
  void anOperatorFindsACustomersInstanceByPhoneNumberAndCancelsIt() {
    String pool = Fixtures.pool(admin, "LOCKING", 120, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(admin, pool, "");
    String phone = "+1415555" + (1000 + new java.util.Random().nextInt(9000));
    ConsolePage console = new ConsolePage(operatorBrowser);
    assertEquals("UP", console.broker());
    assertTrue(console.outbox().endsWith("waiting") || console.outbox().contains("oldest"));

    DemoPage customer = new DemoPage(customerBrowser).ask(service, phone, "first_name=Ada");
    customer.awaitState("ACCESS_ISSUED");
    String id = customer.instanceId();

    console.searchInstances(phone).awaitInstanceState(id, "ACCESS_ISSUED");
    console.screenshot("console-instance-found");
    console.cancelInstance(id).awaitInstanceState(id, "CANCELLED");
    customer.awaitState("CANCELLED");
    assertEquals(List.of("ACCESS_ISSUED", "CANCELLED"), console.history(id, 2));
    console.scrollTo("instances-title").screenshot("console-instance-history");
    console.awaitPool(pool, "live", "0 / 1");
  }

  @Test
  void anOperatorComparesAQueuesPredictedWaitWithTheWaitItWas() throws Exception {
    String queue = Fixtures.uniqueName("q");
    assertEquals(
        200,
        admin
            .putJson("/admin/queues/" + queue, "{\"options\":{\"_default_handle_time\":\"60\"}}")
            .status());
    String pool = Fixtures.pool(admin, "LOCKING", 120, Fixtures.freshNumbers(1));
    String service =
        Fixtures.service(
            admin,
            "poll",
            "request-inbound-poll",
            "\"_queue\":\"" + queue + "\",\"_resource_group\":\"" + pool + "\"");
    try (DesktopClient agent = TestServer.desktop(Fixtures.uniqueName("agent"))) {
      agent.logIn(List.of(queue), "51");
      String id = admin.postForm("/genesys/1/service/" + service, Map.of()).json().getString("_id");
      agent.ready();
      agent.await(r -> r.type().equals("Reserved"), Duration.ofSeconds(30)).orElseThrow();

      ConsolePage console = new ConsolePage(operatorBrowser);
      String chart = console.awaitWaitChart(queue, 1);
      assertTrue(chart.contains("EWT predicted"), chart);
      console.scrollTo("queues-title").screenshot("console-queue-waits");
      assertEquals(200, admin.delete("/genesys/1/service/" + id).status());
      agent.logOut();
    }
  }

  @Test
  void anOperatorChangesAPoolsTimeoutAndTheRestOfThePoolStays() {
    String pool = Fixtures.uniqueName("turns");
    List<String> numbers = Fixtures.freshNumbers(2);
    String spec =
        "{\"allocation\":\"LOCKING\",\"choice\":\"ROUND_ROBIN\",\"bookingTimeoutSeconds\":120,"
            + "\"location\":{\"latitude\":48.85,\"longitude\":2.35,\"radiusKm\":30},"
            + "\"numbers\":[\""
            + String.join("\",\"", numbers)
            + "\"]}";
    assertEquals(200, admin.putJson("/admin/pools/" + pool, spec).status());

    new ConsolePage(operatorBrowser).editPoolTimeout(pool, 300);

    JsonObject saved = admin.get("/admin/pools/" + pool).json();
    assertEquals(300, saved.getInt("bookingTimeoutSeconds"), saved::toString);
    assertEquals("ROUND_ROBIN", saved.getString("choice"), saved::toString);
    assertEquals(30, saved.getJsonObject("location").getInt("radiusKm"), saved::toString);
    assertEquals(
        Set.copyOf(numbers),
        Set.copyOf(saved.getJsonArray("numbers").getValuesAs(JsonString::getString)),
        saved::toString);
  }

  @Test
  void anOperatorEditsAServicesOptionsFromTheConsole() {
    String pool = Fixtures.pool(admin, "LOCKING", 120, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(admin, pool, "");
    ConsolePage console = new ConsolePage(operatorBrowser);

    console.editServiceOptions(
        service, "{\"_resource_group\": \"" + pool + "\", \"_provide_code\": \"true\"}");
    JsonObject saved = admin.get("/admin/services/" + service).json();
    assertEquals("request-interaction", saved.getString("flow"));
    assertEquals(
        "true", saved.getJsonObject("options").getString("_provide_code"), saved::toString);
    assertTrue(console.serviceOptions(service).contains("_provide_code=true"));
    console.scrollTo("services-title").screenshot("console-service-edited");
  }

  @Test
  void anOperatorSendsAPushGivenUpAgainOnceTheAppIsBack() {
    try (PushReceiver app = PushReceiver.start().failAlways()) {
      String pool = Fixtures.pool(admin, "LOCKING", 120, Fixtures.freshNumbers(1));
      String service =
          Fixtures.service(
              admin,
              "inbound-immediate",
              "request-inbound-immediate",
              "\"_resource_group\":\"" + pool + "\"");
      String id =
          admin
              .postForm("/genesys/1/service/" + service, app.registration())
              .json()
              .getString("_id");
      ConsolePage console = new ConsolePage(operatorBrowser);

      Eventually.await(
          "the push to " + id + " given up",
          Duration.ofSeconds(40),
          () ->
              admin.get("/admin/console/deliveries").json().getJsonArray("deliveries").stream()
                  .map(JsonObject.class::cast)
                  .filter(d -> id.equals(d.getString("serviceId", "")))
                  .findFirst());

      app.recover();
      console.retryPushTo(id).screenshot("console-push-retried");
      app.awaitPush(id, "DialNumber", Duration.ofSeconds(30));
    }
  }
}
