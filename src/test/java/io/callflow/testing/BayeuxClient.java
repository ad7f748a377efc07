package io.callflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The integration tests' CometD driver: a Bayeux long-polling client speaking raw JSON arrays over
 * HTTP, as GMS's mobile samples do through CometD's Java client (which appends the message type to
 * {@code /genesys/cometd}), with the {@code gms_user} header on every request. Its own cookie store
 * makes it one browser, as CometD tells clients apart by its {@code BAYEUX_BROWSER} cookie.
 */
public final class BayeuxClient {

  public static final String PATH = "/genesys/cometd";

  private final String endpoint;
  private final String gmsUser;
  private final HttpClient http;
  private final AtomicLong nextId = new AtomicLong(1);

  /** Messages a long poll brought that nobody has asked for yet. */
  private final List<JsonObject> undelivered = new ArrayList<>();

  private String clientId;

  /** A client of {@code gmsUser} (null: no header at all) on the server at {@code baseUrl}. */
  public BayeuxClient(String baseUrl, String gmsUser) {
    this.endpoint = baseUrl + PATH;
    this.gmsUser = gmsUser;
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1, as CometD's Java client in GMS's apps speaks it (the JDK would try h2c)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
  }

  public String clientId() {
    return clientId;
  }

  /**
   * Handshakes for long-polling and answers the reply; a successful one gives this client its id.
   */
  public JsonObject handshake() {
    JsonObject reply =
        reply(
            "/handshake",
            Json.createObjectBuilder()
                .add("channel", "/meta/handshake")
                .add("version", "1.0")
                .add("minimumVersion", "1.0")
                .add("supportedConnectionTypes", Json.createArrayBuilder().add("long-polling")),
            "/meta/handshake");
    if (reply.getBoolean("successful", false)) {
      clientId = reply.getString("clientId");
    }
    return reply;
  }

  public JsonObject subscribe(String channel) {
    return reply(
        "/subscribe", message("/meta/subscribe").add("subscription", channel), "/meta/subscribe");
  }

  /** Publishes {@code data} and answers the server's reply to the publish. */
  public JsonObject publish(String channel, JsonObject data) {
    return reply("", message(channel).add("data", data), channel);
  }

  /**
   * One {@code /meta/connect}, which the server holds for at most {@code hold} unless it has
   * messages for this client; answers the connect's reply. Messages that came with it wait for
   * {@link #awaitMessage}.
   */
  public JsonObject connect(Duration hold) {
    return reply(
        "/connect",
        message("/meta/connect")
            .add("connectionType", "long-polling")
            .add("advice", Json.createObjectBuilder().add("timeout", hold.toMillis())),
        "/meta/connect");
  }

  /** Long-polls until a message on {@code channel} arrives, and answers it. */
  public JsonObject awaitMessage(String channel, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<JsonObject> message = takeUndelivered(channel);
      if (message.isPresent()) {
        return message.get();
      }
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative()) {
        throw new AssertionError(
            "No message on " + channel + " for " + gmsUser + " within " + timeout);
      }
      JsonObject connected =
          connect(left.compareTo(Duration.ofSeconds(5)) < 0 ? left : Duration.ofSeconds(5));
      assertEquals(true, connected.getBoolean("successful", false), connected::toString);
    }
  }

  /** Messages on {@code channel} that long polls brought so far, taken from the client. */
  public List<JsonObject> drain(String channel) {
    List<JsonObject> taken = new ArrayList<>();
    Optional<JsonObject> next = takeUndelivered(channel);
    while (next.isPresent()) {
      taken.add(next.get());
      next = takeUndelivered(channel);
    }
    return taken;
  }

  /** Leaves, with the {@code ext} GMS's chat clients put on their disconnect. */
  public JsonObject disconnect(JsonObject ext) {
    return reply("/disconnect", message("/meta/disconnect").add("ext", ext), "/meta/disconnect");
  }

  private JsonObjectBuilder message(String channel) {
    return Json.createObjectBuilder().add("channel", channel).add("clientId", clientId);
  }

  /**
   * Sends one message, keeps what else came back, and answers the reply on {@code replyChannel}.
   */
  private JsonObject reply(String pathSuffix, JsonObjectBuilder message, String replyChannel) {
    String id = Long.toString(nextId.getAndIncrement());
    JsonArray answer =
        post(pathSuffix, Json.createArrayBuilder().add(message.add("id", id)).build());
    JsonObject reply = null;
    for (JsonValue value : answer) {
      JsonObject received = value.asJsonObject();
      // a reply says whether it succeeded; a message published to this client has no such member
      if (reply == null
          && replyChannel.equals(received.getString("channel", ""))
          && received.containsKey("successful")) {
        reply = received;
      } else {
        synchronized (undelivered) {
          undelivered.add(received);
        }
      }
    }
    if (reply == null) {
      throw new AssertionError("No reply on " + replyChannel + " to message " + id + ": " + answer);
    }
    return reply;
  }

  private Optional<JsonObject> takeUndelivered(String channel) {
    synchronized (undelivered) {
      for (Iterator<JsonObject> it = undelivered.iterator(); it.hasNext(); ) {
        JsonObject message = it.next();
        if (channel.equals(message.getString("channel", ""))) {
          it.remove();
          return Optional.of(message);
        }
      }
      return Optional.empty();
    }
  }

  private JsonArray post(String pathSuffix, JsonArray messages) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + pathSuffix))
            .timeout(Duration.ofSeconds(45)) // above CometD's longest hold, 20 s
            .header("Content-Type", "application/json;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(messages.toString()));
    if (gmsUser != null) {
      request.header("gms_user", gmsUser);
    }
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(
          200,
          answer.statusCode(),
          () -> "POST " + endpoint + pathSuffix + " " + messages + ": " + answer.body());
      try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
        return reader.readArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
