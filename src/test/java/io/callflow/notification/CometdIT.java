package io.callflow.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.BayeuxClient;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GMS's CometD endpoint on the wire: long-polling Bayeux at /genesys/cometd beside the REST API.
 */
class CometdIT {

  private static final String GENESYS = "/_genesys";
  private static final Duration SHORT_HOLD = Duration.ofMillis(500);

  private final GmsClient gms = TestServer.gms();

  @Test
  void handshakeSubscribeAndLongPollAsGmsClientsDo() {
    BayeuxClient client = client(Fixtures.uniqueName("user"));

    JsonObject handshake = client.handshake();
    assertTrue(handshake.getBoolean("successful"), handshake::toString);
    assertFalse(handshake.getString("clientId").isBlank());
    assertEquals(
        List.of("long-polling"),
        handshake.getJsonArray("supportedConnectionTypes").getValuesAs(JsonString::getString),
        "long-polling only");

    JsonObject subscribed = client.subscribe(GENESYS);
    assertTrue(subscribed.getBoolean("successful"), subscribed::toString);
    assertEquals(GENESYS, subscribed.getString("subscription"));

    JsonObject first = client.connect(SHORT_HOLD);
    assertTrue(first.getBoolean("successful"), first::toString);
    JsonObject held = client.connect(SHORT_HOLD);
    assertTrue(held.getBoolean("successful"), held::toString);
    assertTrue(client.drain(GENESYS).isEmpty(), "nothing was pushed");

    // GMS's chat clients say where their transcript stood when they leave
    JsonObject left =
        client.disconnect(Json.createObjectBuilder().add("transcriptPosition", 3).build());
    assertTrue(left.getBoolean("successful"), left::toString);
  }

  @Test
  void heldLongPollsAreAnsweredEveryTime() {
    // a long poll's answer comes after the servlet has returned; Payara is strict about what may
    // happen then, and a mistake there showed as an occasional 500, so ask many times
    for (int i = 0; i < 20; i++) {
      BayeuxClient client = listening(Fixtures.uniqueName("user"));
      for (int poll = 0; poll < 3; poll++) {
        JsonObject held = client.connect(Duration.ofMillis(50));
        assertTrue(held.getBoolean("successful"), held::toString);
      }
    }
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequestNamingWhy() {
    Reply refused =
        gms.post(
            "/genesys/cometd",
            "application/json",
            "[{\"channel\":\"/meta/handshake\",".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, refused.status(), refused::toString);
    assertEquals("application/problem+json", refused.contentType(), refused::toString);
    assertTrue(
        refused.json().getString("detail").startsWith("the body is not Bayeux JSON"),
        refused::toString);
  }

  @Test
  void restEndpointsStillAnswerBesideCometd() {
    client(Fixtures.uniqueName("user")).handshake();

    Reply ready = gms.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    Reply created = gms.post("/genesys/1/service/request-interaction");
    assertEquals(200, created.status(), created::toString);
    assertTrue(created.json().containsKey("_id"), created::toString);
  }

  @Test
  void publishToAServiceChannelBreaksNothing() {
    BayeuxClient client = client(Fixtures.uniqueName("user"));
    client.handshake();
    client.subscribe(GENESYS);
    client.connect(SHORT_HOLD);

    JsonObject published =
        client.publish(
            "/service/chatV2/customer-support",
            Json.createObjectBuilder()
                .add("operation", "sendMessage")
                .add("message", "hello")
                .build());
    assertEquals(
        "/service/chatV2/customer-support", published.getString("channel"), published::toString);
    assertTrue(published.getBoolean("successful"), published::toString);

    JsonObject connected = client.connect(SHORT_HOLD);
    assertTrue(connected.getBoolean("successful"), connected::toString);
    assertEquals(200, gms.get("/health/ready").status());
  }

  @Test
  void clientsCannotPublishOnTheGenesysChannel() {
    BayeuxClient alice = client(Fixtures.uniqueName("alice"));
    alice.handshake();
    alice.subscribe(GENESYS);
    alice.connect(SHORT_HOLD);
    BayeuxClient mallory = client(Fixtures.uniqueName("mallory"));
    mallory.handshake();

    JsonObject refused =
        mallory.publish(
            GENESYS, Json.createObjectBuilder().add("message", Json.createObjectBuilder()).build());

    assertFalse(refused.getBoolean("successful"), refused::toString);
    assertTrue(refused.getString("error", "").startsWith("403"), refused::toString);
    alice.connect(SHORT_HOLD);
    assertTrue(alice.drain(GENESYS).isEmpty(), "alice got nothing");
  }

  @Test
  void requestInboundImmediatePushesDialNumberToTheUsersLongPoll() {
    String user = Fixtures.uniqueName("user");
    BayeuxClient client = listening(user);
    BayeuxClient someoneElse = listening(Fixtures.uniqueName("other"));

    String id = requestInboundImmediate(user);

    JsonObject pushed = client.awaitMessage(GENESYS, Duration.ofSeconds(20));
    JsonObject data = pushed.getJsonObject("data");
    assertEquals(
        Json.createObjectBuilder().add("_id", id).add("_action", "DialNumber").build(),
        data.getJsonObject("message"),
        pushed::toString);
    assertFalse(data.getString("id").isBlank(), pushed::toString);
    assertEquals("service." + id, data.getString("tag"));
    someoneElse.connect(SHORT_HOLD);
    assertTrue(someoneElse.drain(GENESYS).isEmpty(), "another user got nothing");
  }

  @Test
  void pushReachesAClientThatConnectsAfterTheRequest() {
    String user = Fixtures.uniqueName("late");
    String id = requestInboundImmediate(user);

    // the first attempt finds no session; the pipeline's retries find this one
    BayeuxClient client = listening(user);

    JsonObject pushed = client.awaitMessage(GENESYS, Duration.ofSeconds(30));
    assertEquals(
        id,
        pushed.getJsonObject("data").getJsonObject("message").getString("_id"),
        pushed::toString);
  }

  private String requestInboundImmediate(String user) {
    Reply created =
        gms.withHeader("gms_user", user)
            .postForm(
                "/genesys/1/service/request-inbound-immediate",
                Map.of("_device_notification_id", user, "_device_os", "comet"));
    assertEquals(200, created.status(), created::toString);
    return created.json().getString("_id");
  }

  /**
   * A client of {@code gmsUser} that has handshaken, subscribed to /_genesys and long-polled once.
   */
  private static BayeuxClient listening(String gmsUser) {
    BayeuxClient client = client(gmsUser);
    assertTrue(client.handshake().getBoolean("successful"));
    assertTrue(client.subscribe(GENESYS).getBoolean("successful"));
    assertTrue(client.connect(SHORT_HOLD).getBoolean("successful"));
    return client;
  }

  private static BayeuxClient client(String gmsUser) {
    return new BayeuxClient(TestServer.stack().baseUrl(), gmsUser);
  }
}
