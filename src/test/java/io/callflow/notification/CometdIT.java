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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GMS's CometD endpoint on the wire: long-polling Bayeux at /genesys/cometd beside the REST API. */
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
    JsonObject left = client.disconnect(Json.createObjectBuilder().add("transcriptPosition", 3).build());
    assertTrue(left.getBoolean("successful"), left::toString);
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
            Json.createObjectBuilder().add("operation", "sendMessage").add("message", "hello").build());
    assertEquals("/service/chatV2/customer-support", published.getString("channel"), published::toString);

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
        mallory.publish(GENESYS, Json.createObjectBuilder().add("message", Json.createObjectBuilder()).build());

    assertFalse(refused.getBoolean("successful"), refused::toString);
    assertTrue(refused.getString("error", "").startsWith("403"), refused::toString);
    alice.connect(SHORT_HOLD);
    assertTrue(alice.drain(GENESYS).isEmpty(), "alice got nothing");
  }

  private static BayeuxClient client(String gmsUser) {
    return new BayeuxClient(TestServer.stack().baseUrl(), gmsUser);
  }
}
