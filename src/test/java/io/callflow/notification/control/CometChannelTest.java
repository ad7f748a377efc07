package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.notification.entity.Push;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerMessageImpl;
import org.cometd.server.ServerSessionImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing by gms_user against a real, in-process Bayeux server: sessions handshake and subscribe as
 * the HTTP transport would have them, minus the HTTP.
 */
class CometChannelTest {

  private final BayeuxServerImpl bayeux = new BayeuxServerImpl();
  private final CometSessions sessions = new CometSessions();
  private final CometChannel channel = new CometChannel();

  @BeforeEach
  void start() throws Exception {
    bayeux.setOption(
        BayeuxServerImpl.TRANSPORTS_OPTION, "org.cometd.server.http.JSONHttpTransport");
    bayeux.start();
    sessions.attach(bayeux);
    channel.sessions = sessions;
  }

  @AfterEach
  void stop() throws Exception {
    sessions.detach(bayeux);
    bayeux.stop();
  }

  @Test
  void pushReachesEverySessionOfTheUserListeningOnGenesys() throws Exception {
    Client phone = handshake("alice").subscribe(CometSessions.CHANNEL);
    Client tablet = handshake("alice").subscribe(CometSessions.CHANNEL);

    channel.deliver(push("alice"));

    for (Client client : List.of(phone, tablet)) {
      ServerMessage received = client.only();
      assertEquals(CometSessions.CHANNEL, received.getChannel());
      assertEquals(
          Map.of(
              "message",
              Map.of("_id", "42-abc", "_action", "DialNumber"),
              "id",
              "event-1",
              "tag",
              "service.42-abc"),
          received.getData());
    }
  }

  @Test
  void otherUsersSessionsGetNothing() throws Exception {
    handshake("alice").subscribe(CometSessions.CHANNEL);
    Client bob = handshake("bob").subscribe(CometSessions.CHANNEL);

    channel.deliver(push("alice"));

    assertTrue(bob.received.isEmpty(), bob.received::toString);
  }

  @Test
  void userWithoutSessionIsARetryableFailure() {
    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> channel.deliver(push("alice")));
    assertFalse(failure.isPermanent());
    assertEquals("no CometD session for gms_user alice", failure.getMessage());
  }

  @Test
  void sessionThatDoesNotListenOnGenesysIsNoTarget() throws Exception {
    Client chat = handshake("alice").subscribe("/service/chatV2/customer-support");

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> channel.deliver(push("alice")));

    assertFalse(failure.isPermanent());
    assertTrue(chat.received.isEmpty());
  }

  @Test
  void disconnectedSessionIsForgotten() throws Exception {
    Client client = handshake("alice").subscribe(CometSessions.CHANNEL);

    client.disconnect();

    assertThrows(DeliveryFailure.class, () -> channel.deliver(push("alice")));
    assertTrue(client.received.isEmpty());
  }

  @Test
  void handshakeWithoutGmsUserIsAcceptedButReceivesNoPushes() throws Exception {
    Client anonymous = handshake(null).subscribe(CometSessions.CHANNEL);

    assertThrows(DeliveryFailure.class, () -> channel.deliver(push("alice")));
    assertTrue(anonymous.received.isEmpty());
  }

  @Test
  void clientsMayNotPublishOnGenesys() throws Exception {
    Client alice = handshake("alice").subscribe(CometSessions.CHANNEL);
    Client mallory = handshake("mallory");

    ServerMessage.Mutable reply =
        mallory.send(CometSessions.CHANNEL, Map.of(Message.DATA_FIELD, Map.of("_action", "x")));

    assertFalse(reply.isSuccessful(), reply::toString);
    assertTrue(alice.received.isEmpty());
  }

  private Client handshake(String gmsUser) throws Exception {
    ServerSessionImpl session = bayeux.newServerSession();
    ServerMessageImpl handshake = (ServerMessageImpl) bayeux.newMessage();
    handshake.setChannel(Channel.META_HANDSHAKE);
    handshake.put("version", "1.0");
    handshake.put("supportedConnectionTypes", List.of("long-polling"));
    handshake.setBayeuxContext(httpRequestWith(gmsUser));
    ServerMessage.Mutable reply = handle(session, handshake);
    assertTrue(reply.isSuccessful(), reply::toString);
    return new Client(session);
  }

  private ServerMessage.Mutable handle(ServerSessionImpl session, ServerMessage.Mutable message)
      throws Exception {
    Promise.Completable<ServerMessage.Mutable> reply = new Promise.Completable<>();
    bayeux.handle(session, message, reply);
    return reply.get(5, TimeUnit.SECONDS);
  }

  /** The handshake's HTTP request, as far as routing looks at it: its gms_user header. */
  private static BayeuxContext httpRequestWith(String gmsUser) {
    return (BayeuxContext)
        Proxy.newProxyInstance(
            BayeuxContext.class.getClassLoader(),
            new Class<?>[] {BayeuxContext.class},
            (proxy, method, args) ->
                method.getName().equals("getHeader")
                        && "gms_user".equalsIgnoreCase((String) args[0])
                    ? gmsUser
                    : null);
  }

  private static Push push(String gmsUser) {
    return new Push(
        "event-1",
        "42-abc",
        "comet",
        gmsUser,
        "{\"_id\":\"42-abc\",\"_action\":\"DialNumber\"}",
        Map.of(),
        null);
  }

  /** One client's server-side session and the messages queued for its long polls. */
  private final class Client {
    final ServerSessionImpl session;
    final List<ServerMessage> received = new CopyOnWriteArrayList<>();

    Client(ServerSessionImpl session) {
      this.session = session;
      session.addListener((ServerSession.QueueListener) (sender, message) -> received.add(message));
    }

    Client subscribe(String channelName) throws Exception {
      ServerMessage.Mutable reply =
          send(Channel.META_SUBSCRIBE, Map.of(Message.SUBSCRIPTION_FIELD, channelName));
      assertTrue(reply.isSuccessful(), reply::toString);
      return this;
    }

    void disconnect() throws Exception {
      assertTrue(send(Channel.META_DISCONNECT, Map.of()).isSuccessful());
    }

    ServerMessage.Mutable send(String channelName, Map<String, Object> fields) throws Exception {
      ServerMessage.Mutable message = bayeux.newMessage();
      message.setChannel(channelName);
      message.setClientId(session.getId());
      message.putAll(fields);
      return handle(session, message);
    }

    ServerMessage only() {
      assertEquals(1, received.size(), received::toString);
      return received.get(0);
    }
  }
}
