package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.launcher.CallflowStack;
import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.PushReceiver;
import io.callflow.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server with a booking about to expire, a push waiting for its retry, customers
 * waiting in a queue and a confirmation timer running: after the restart each completes or expires
 * as it should, exactly once, and no prepared transaction is left in the database.
 */
class CrashRecoveryIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final GmsClient gms = TestServer.gms();

  @Test
  void afterAKillEveryPendingThingHappensOnce() throws Exception {
    String waitingQueue = Fixtures.uniqueName("crash-wait");
    String confirmQueue = Fixtures.uniqueName("crash-confirm");
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(3));
    String expiring =
        Fixtures.interactionService(
            gms, Fixtures.pool(gms, "LOCKING", 5, Fixtures.freshNumbers(1)), "");
    String immediate = service("request-inbound-immediate", waitingQueue, pool, "");
    String poll = service("request-inbound-poll", waitingQueue, pool, "");
    String confirming =
        service(
            "request-inbound-delay",
            confirmQueue,
            pool,
            "\"_wait_for_user_confirm\":\"true\",\"_user_confirm_timeout\":\"4\","
                + "\"_max_number_of_user_availability_confirmation_attempts\":\"1\",\"_on_user_confirm_timeout\":\"CANCEL\"");
    try (PushReceiver device = PushReceiver.start().failAlways();
        DesktopClient waiter = TestServer.desktop(Fixtures.uniqueName("agent"));
        DesktopClient confirmer = TestServer.desktop(Fixtures.uniqueName("agent"))) {
      String booking = gms.post("/genesys/1/service/" + expiring).json().getString("_id");
      String first = gms.post("/genesys/1/service/" + poll).json().getString("_id");
      String second = gms.post("/genesys/1/service/" + poll).json().getString("_id");
      confirmer.logIn(List.of(confirmQueue), "5101");
      confirmer.ready();
      String asked = gms.post("/genesys/1/service/" + confirming).json().getString("_id");
      awaitState("/genesys/1/service/" + asked, "WAITING_CONFIRM");
      // last, so that its retry (2 s after the first attempt) falls after the crash
      String pushed =
          gms.postForm(
                  "/genesys/1/service/" + immediate,
                  Map.of("_device_notification_id", device.url(), "_device_os", "httpcb"))
              .json()
              .getString("_id");
      device.await("the first attempt, refused", TIMEOUT, r -> r.body().contains(pushed));

      CallflowStack stack = TestServer.stack();
      stack.killServer();
      device.recover();
      stack.startServer();

      awaitState("/genesys/1/service/" + booking, "EXPIRED");
      awaitDelivery(device, pushed, stack);
      awaitState("/genesys/1/service/" + asked, "CANCELLED");
      assertEquals(
          "CONFIRM_TIMEOUT",
          Eventually.await(
                  "Revoked",
                  TIMEOUT,
                  () ->
                      confirmer.received().stream()
                          .filter(r -> r.type().equals("Revoked"))
                          .findFirst())
              .body()
              .getString("reason"));
      assertEquals("QUEUED", gms.get("/genesys/1/service/" + first).json().getString("_state"));
      waiter.logIn(List.of(waitingQueue), "5100");
      waiter.ready();
      Eventually.await(
          "both waiting customers reserved",
          TIMEOUT,
          () -> Optional.of(reserved(waiter)).filter(l -> l.size() >= 1));
      assertEquals(first, reserved(waiter).get(0), "the first in line first, across the crash");

      Eventually.staysSo(
          "nothing done twice across the crash",
          Duration.ofSeconds(2),
          () ->
              device.delivered().stream().filter(r -> r.body().contains(pushed)).count() <= 1
                  && confirmer.received().stream().filter(r -> r.type().equals("Revoked")).count()
                      <= 1
                  && reserved(waiter).size() <= 1);
      assertEquals(
          1,
          device.delivered().stream().filter(r -> r.body().contains(pushed)).count(),
          "the push delivered once");
      assertEquals(
          1,
          confirmer.received().stream().filter(r -> r.type().equals("Revoked")).count(),
          "the timer fired once");
      assertEquals(
          List.of(first),
          reserved(waiter),
          "one agent, one customer at a time, the second still waits");
      assertEquals("QUEUED", gms.get("/genesys/1/service/" + second).json().getString("_state"));
      Eventually.await(
          "no prepared transaction left in the database",
          TIMEOUT,
          () -> Optional.of(preparedTransactions(stack)).filter(n -> n == 0));
    }
  }

  /**
   * Waits for the push to reach the recovered device; if it does not, says where it is: what the
   * device heard, what the database recorded, what the broker holds.
   */
  private static void awaitDelivery(PushReceiver device, String pushed, CallflowStack stack) {
    try {
      device.await(
          "the push, delivered once the device recovered",
          TIMEOUT,
          r -> r.delivered() && r.body().contains(pushed));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + trail(device, pushed, stack), e);
    }
  }

  private static String trail(PushReceiver device, String pushed, CallflowStack stack) {
    String heard =
        device.received().stream()
            .filter(r -> r.body().contains(pushed))
            .map(r -> r.answered() + " at " + r.at())
            .toList()
            .toString();
    return "the device answered "
        + heard
        + ", the outbox holds "
        + stack.count(
            "SELECT count(*) FROM outbox_message WHERE destination = ? AND body LIKE ?",
            Destinations.NOTIFICATION_DELIVERY,
            "%" + pushed + "%")
        + " orders for it, the database recorded "
        + stack.count(
            "SELECT count(*) FROM notification_delivery d JOIN notification_subscription s"
                + " ON s.id = d.subscription_id WHERE s.device_id = ?",
            device.url())
        + " outcomes for the device; "
        + stack.brokerQueueSummary(Destinations.NOTIFICATION_DELIVERY)
        + "; "
        + stack.brokerQueueSummary("DLQ." + Destinations.NOTIFICATION_DELIVERY);
  }

  private static List<String> reserved(DesktopClient agent) {
    return agent.received().stream()
        .filter(r -> r.type().equals("Reserved"))
        .map(r -> r.body().getString("serviceId"))
        .toList();
  }

  private static long preparedTransactions(CallflowStack stack) {
    return stack.count("SELECT count(*) FROM pg_prepared_xacts");
  }

  private String service(String flow, String queue, String pool, String extra) {
    return Fixtures.service(
        gms,
        flow,
        flow,
        "\"_queue\":\""
            + queue
            + "\",\"_resource_group\":\""
            + pool
            + "\""
            + (extra.isEmpty() ? "" : "," + extra));
  }

  private void awaitState(String path, String state) {
    Eventually.await(
        path + " " + state,
        TIMEOUT,
        () ->
            Optional.of(gms.get(path))
                .filter(r -> r.status() == 200 && state.equals(r.json().getString("_state", ""))));
  }
}
