package io.callflow.notification;

import static io.callflow.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.notification.control.HttpCallbackChannel;
import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.JmsClient;
import io.callflow.testing.PushReceiver;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pushes through httpcb subscriptions, their retries and dead letters, and the jms channel. */
class NotificationsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final GmsClient gms = TestServer.gms();
  private final JmsClient jms = TestServer.jms();
  private final List<PushReceiver> receivers = new java.util.ArrayList<>();

  @AfterEach
  void close() {
    receivers.forEach(PushReceiver::close);
    jms.close();
  }

  private PushReceiver receiver() {
    PushReceiver receiver = PushReceiver.start();
    receivers.add(receiver);
    return receiver;
  }

  private String inboundImmediateService() {
    String pool = Fixtures.pool(gms, "LOCKING", 120, Fixtures.freshNumbers(5));
    return Fixtures.service(
        gms,
        "inbound-immediate",
        "request-inbound-immediate",
        "\"_resource_group\":\"" + pool + "\",\"_provide_code\":\"true\"");
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void inboundImmediateAnswersDialNumberAndPushesItToTheRegisteredDevice() {
    PushReceiver device = receiver();
    String service = inboundImmediateService();
    Reply created =
        gms.postForm(
            "/genesys/1/service/" + service,
            Map.of(
                "_device_notification_id",
                device.url(),
                "_device_os",
                "httpcb",
                "first_name",
                "Ada"));
    assertEquals(200, created.status(), created::toString);
    JsonObject dialog = created.json();
    String id = dialog.getString("_id");
    assertEquals("DialNumber", dialog.getString("_action"));
    assertEquals(
        "tel:" + dialog.getString("_access_number") + ",,," + dialog.getString("_access_code"),
        dialog.getString("_tel_url"));
    assertTrue(dialog.containsKey("_expiration_time"));

    PushReceiver.Received push =
        device.await("the DialNumber push", TIMEOUT, PushReceiver.Received::delivered);
    assertEquals(
        Json.createObjectBuilder().add("_id", id).add("_action", "DialNumber").build(),
        json(push.body()));
    assertNotNull(push.header(HttpCallbackChannel.EVENT_ID));

    // the pushed action is a request the instance answers, by GET and by POST
    Reply byGet = gms.get("/genesys/1/service/" + id + "/DialNumber");
    assertEquals(200, byGet.status(), byGet::toString);
    assertEquals(dialog.getString("_tel_url"), byGet.json().getString("_tel_url"));
    assertEquals("DialNumber", byGet.json().getString("_action"));
    assertEquals(200, gms.post("/genesys/1/service/" + id + "/DialNumber").status());
    assertProblem(gms.get("/genesys/1/service/" + id + "/no-such-request"), 404, "request");

    // once the access number is used, DialNumber has nothing to answer
    gms.postForm(
        "/genesys/1/service/match-interaction",
        Map.of("_access_number", dialog.getString("_access_number")));
    assertEquals(404, gms.get("/genesys/1/service/" + id + "/DialNumber").status());
  }

  @Test
  void notificationApiSubscriptionsAreSignedWithTheirSecret() {
    PushReceiver integration = receiver();
    String service = inboundImmediateService();
    Reply subscribed =
        gms.postJson(
            "/genesys/1/notification/subscription",
            "{\"subscriberId\":\"crm\",\"providerName\":\"test\",\"notificationDetails\":{\"deviceId\":\""
                + integration.url()
                + "\",\"type\":\"httpcb\"},\"expire\":300,\"filter\":\""
                + service
                + "\",\"secret\":\"s3cr3t\"}");
    assertEquals(200, subscribed.status(), subscribed::toString);
    String id = gms.post("/genesys/1/service/" + service).json().getString("_id");

    PushReceiver.Received push =
        integration.await("the signed push", TIMEOUT, PushReceiver.Received::delivered);
    assertEquals(id, json(push.body()).getString("_id"));
    String timestamp = push.header(HttpCallbackChannel.TIMESTAMP);
    long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
    assertTrue(age >= -5 && age < 120, "timestamp " + timestamp);
    assertEquals(
        "sha256=" + HttpCallbackChannel.sign("s3cr3t", timestamp, push.body()),
        push.header(HttpCallbackChannel.SIGNATURE));
    assertFalse(
        HttpCallbackChannel.sign("other", timestamp, push.body())
            .equals(push.header(HttpCallbackChannel.SIGNATURE).substring("sha256=".length())));

    String subscriptionId = subscribed.json().getString("id");
    assertEquals(
        200, gms.delete("/genesys/1/notification/subscription/" + subscriptionId).status());
    assertEquals(
        404, gms.delete("/genesys/1/notification/subscription/" + subscriptionId).status());
  }

  @Test
  void aSubscriberThatFailsTwiceThenSucceedsGetsExactlyOneSuccessfulDelivery() {
    PushReceiver flaky = receiver().failNext(2);
    String service = inboundImmediateService();
    gms.postForm(
        "/genesys/1/service/" + service,
        Map.of("_device_notification_id", flaky.url(), "_device_os", "httpcb"));

    flaky.await("the third attempt succeeds", TIMEOUT, PushReceiver.Received::delivered);
    assertEquals(3, flaky.received().size(), () -> flaky.received().toString());
    assertEquals(1, flaky.delivered().size());
    Set<String> eventIds =
        flaky.received().stream()
            .map(r -> r.header(HttpCallbackChannel.EVENT_ID))
            .collect(Collectors.toSet());
    assertEquals(1, eventIds.size(), "one stable event id across attempts");
    Instant first = flaky.received().get(0).at();
    Instant third = flaky.received().get(2).at();
    assertTrue(Duration.between(first, third).toMillis() >= 5000, "back-off: 2 s, then 4 s");
  }

  @Test
  void aSubscriberThatAlwaysFailsEndsInTheDeadLetterQueueWithTheReason() {
    PushReceiver dead = receiver().failAlways();
    String service = inboundImmediateService();
    String id =
        gms.postForm(
                "/genesys/1/service/" + service,
                Map.of("_device_notification_id", dead.url(), "_device_os", "httpcb"))
            .json()
            .getString("_id");

    JmsClient.Received letter = null;
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (letter == null && System.nanoTime() < deadline) {
      JmsClient.Received next = jms.receive(Destinations.NOTIFICATION_DEAD, Duration.ofSeconds(2));
      if (next != null && id.equals(next.body().getString("serviceId"))) {
        letter = next;
      }
    }
    assertNotNull(letter, "dead letter for " + id);
    assertEquals(3, letter.body().getInt("attempt"));
    assertTrue(letter.body().getString("reason").contains("HTTP 503"), letter.body()::toString);
    assertEquals(3, dead.received().size(), "no attempt after the dead letter");
  }

  @Test
  void aSlowSubscriberDelaysNeitherTheAnswerNorOtherSubscribers() {
    PushReceiver slow = receiver().hold();
    PushReceiver fast = receiver();
    String service = inboundImmediateService();
    gms.postJson(
        "/genesys/1/notification/subscription",
        "{\"subscriberId\":\"fast\",\"notificationDetails\":{\"deviceId\":\""
            + fast.url()
            + "\",\"type\":\"httpcb\"},\"expire\":300,\"filter\":\""
            + service
            + "\"}");
    // the slow subscriber holds its request until released: were pushes synchronous, this would
    // hang
    Reply created =
        gms.postForm(
            "/genesys/1/service/" + service,
            Map.of("_device_notification_id", slow.url(), "_device_os", "httpcb"));
    assertEquals(200, created.status());
    fast.await(
        "the fast subscriber's push while the slow one still holds",
        TIMEOUT,
        PushReceiver.Received::delivered);
    assertTrue(slow.received().isEmpty(), "the slow subscriber has not answered yet");
    slow.release();
    slow.await("the slow subscriber's push", TIMEOUT, PushReceiver.Received::delivered);
  }

  @Test
  void pushesArePublishedOnTheEventsTopic() {
    JmsClient.Subscription events = jms.subscribe(Destinations.EVENTS);
    String service = inboundImmediateService();
    String id = gms.post("/genesys/1/service/" + service).json().getString("_id");
    JmsClient.Received pushed =
        events.await(
            "NotificationPushed",
            TIMEOUT,
            m ->
                "NotificationPushed".equals(m.type())
                    && id.equals(m.body().getString("serviceId")));
    assertEquals("DialNumber", json(pushed.body().getString("message")).getString("_action"));
  }

  @Test
  void badSubscriptionsNameTheField() {
    assertProblem(
        gms.postJson(
            "/genesys/1/notification/subscription",
            "{\"notificationDetails\":{\"deviceId\":\"http://127.0.0.1:9/x\",\"type\":\"httpcb\"},\"filter\":\"*\"}"),
        400,
        "subscriberId");
    assertProblem(
        gms.postJson(
            "/genesys/1/notification/subscription",
            "{\"subscriberId\":\"a\",\"notificationDetails\":{\"deviceId\":\"x\",\"type\":\"pager\"},\"filter\":\"*\"}"),
        400,
        "notificationDetails.type");
    assertProblem(
        gms.postJson(
            "/genesys/1/notification/subscription",
            "{\"subscriberId\":\"a\",\"notificationDetails\":{\"deviceId\":\"not a url\",\"type\":\"httpcb\"},\"filter\":\"*\"}"),
        400,
        "notificationDetails.deviceId");
    assertProblem(
        gms.postJson(
            "/genesys/1/notification/subscription",
            "{\"subscriberId\":\"a\",\"notificationDetails\":{\"deviceId\":\"http://127.0.0.1:9/\",\"type\":\"httpcb\"},\"expire\":10,\"filter\":\"*\"}"),
        400,
        "expire");
    assertProblem(
        gms.postJson(
            "/genesys/1/notification/subscription",
            "{\"subscriberId\":\"a\",\"notificationDetails\":{\"deviceId\":\"http://127.0.0.1:9/\",\"type\":\"httpcb\"}}"),
        400,
        "filter");
    assertProblem(
        gms.postForm("/genesys/1/notification/subscription", Map.of("subscriberId", "a")),
        415,
        "Content-Type");
    assertProblem(
        gms.postForm(
            "/genesys/1/service/request-inbound-immediate",
            Map.of("_device_notification_id", "abc", "_device_os", "pager")),
        400,
        "_device_os");
    assertProblem(
        gms.postForm(
            "/genesys/1/service/request-inbound-immediate",
            Map.of("_device_notification_id", "abc")),
        400,
        "_device_os");
  }

  @Test
  void undeliveredPushesAreDeliveredAfterARestart() throws Exception {
    PushReceiver device = receiver().failAlways();
    String service = inboundImmediateService();
    String id =
        gms.postForm(
                "/genesys/1/service/" + service,
                Map.of("_device_notification_id", device.url(), "_device_os", "httpcb"))
            .json()
            .getString("_id");
    device.await("the first attempt", TIMEOUT, r -> true);

    TestServer.stack().stopServer();
    assertTrue(device.delivered().isEmpty());
    device.recover();
    TestServer.stack().startServer();

    PushReceiver.Received push =
        device.await(
            "the push after the restart", Duration.ofSeconds(60), PushReceiver.Received::delivered);
    assertEquals(id, json(push.body()).getString("_id"));
    assertEquals(1, device.delivered().size());
  }
}
