package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.platform.messaging.Destinations;
import io.callflow.service.control.InstanceEvents;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GET /genesys/1/service/{id}/events: the current state on connect, then every change. */
class InstanceEventStreamIT {

  private record Event(String name, String data) {
    JsonObject json() {
      return Json.createReader(new StringReader(data)).readObject();
    }
  }

  /**
   * An instance's event stream read from a socket of its own (HTTP/1.0, so not chunked), closed
   * with it: the server sees its client leave.
   */
  private static final class EventStream implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader lines;

    EventStream(String id) throws IOException {
      URI base = URI.create(TestServer.stack().baseUrl());
      socket = new Socket(base.getHost(), base.getPort());
      socket.setSoTimeout(15_000);
      socket
          .getOutputStream()
          .write(
              ("GET /genesys/1/service/"
                      + id
                      + "/events HTTP/1.0\r\n"
                      + "Accept: text/event-stream\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      lines =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The next event (keep-alive comments skipped), waiting up to 15 s. */
    Event next() throws IOException {
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        } else if (line.isEmpty() && data.length() > 0) {
          return new Event(name, data.toString());
        }
      }
      throw new IOException("the stream ended");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private final GmsClient gms = TestServer.gms();

  @Test
  void streamStartsWithTheCurrentStateAndCarriesTheNextChange() throws IOException {
    String id = gms.post("/genesys/1/service/request-interaction").json().getString("_id");
    try (EventStream events = new EventStream(id)) {
      Event first = events.next();
      assertEquals("state", first.name());
      assertEquals("ACCESS_ISSUED", first.json().getString("_state"));
      assertTrue(first.json().containsKey("_access_number"));

      assertEquals(200, gms.delete("/genesys/1/service/" + id).status());
      Event change = events.next();
      assertEquals("state", change.name());
      assertEquals(id, change.json().getString("_id"));
      assertEquals("CANCELLED", change.json().getString("_state"));
    }
  }

  /**
   * The server subscribes to {@code callflow.events} only while one of its streams is open: a
   * server without streams is not sent every instance event of the cluster. A stream whose client
   * left is found by its keep-alive comments (every second on the test server).
   */
  @Test
  void serverHearsInstanceEventsOnlyWhileAStreamIsOpen() throws IOException {
    awaitFeedSubscriptions(0, "no stream open");
    String id = gms.post("/genesys/1/service/request-interaction").json().getString("_id");
    try (EventStream events = new EventStream(id)) {
      assertEquals("ACCESS_ISSUED", events.next().json().getString("_state"));
      assertEquals(1, feedSubscriptions(), "subscriptions while the stream is open");
    }
    awaitFeedSubscriptions(0, "the stream's client left");
  }

  private static long feedSubscriptions() {
    return TestServer.stack().brokerSubscriptionFilters(Destinations.EVENTS).stream()
        .filter(filter -> filter.contains(InstanceEvents.STATE_CHANGED))
        .count();
  }

  private static void awaitFeedSubscriptions(long expected, String when) {
    Eventually.await(
        expected + " subscription(s) of the server to its instance events, " + when,
        Duration.ofSeconds(30),
        () -> feedSubscriptions() == expected ? Optional.of(true) : Optional.empty());
  }

  @Test
  void streamsOfUnknownOrForeignInstancesAre404() {
    assertEquals(404, gms.get("/genesys/1/service/no-such-id/events").status());
    String id =
        gms.withHeader("gms_user", "alice")
            .post("/genesys/1/service/request-interaction")
            .json()
            .getString("_id");
    assertEquals(
        404,
        gms.withHeader("gms_user", "bob").get("/genesys/1/service/" + id + "/events").status());
  }
}
