package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** GET /genesys/1/service/{id}/events: the current state on connect, then every change. */
class InstanceEventStreamIT {

  private record Event(String name, String data) {
    JsonObject json() {
      return Json.createReader(new StringReader(data)).readObject();
    }
  }

  private final GmsClient gms = TestServer.gms();

  @Test
  void streamStartsWithTheCurrentStateAndCarriesTheNextChange() {
    String id = gms.post("/genesys/1/service/request-interaction").json().getString("_id");
    List<Event> events = new CopyOnWriteArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(TestServer.stack().baseUrl() + "/genesys/1/service/" + id + "/events"))
            .header("Accept", "text/event-stream")
            .build();
    StringBuilder name = new StringBuilder();
    StringBuilder data = new StringBuilder();
    CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> lines =
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    lines.thenAccept(
        response ->
            response
                .body()
                .forEach(
                    line -> {
                      if (line.startsWith("event:")) {
                        name.setLength(0);
                        name.append(line.substring(6).strip());
                      } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                      } else if (line.isEmpty() && data.length() > 0) {
                        events.add(new Event(name.toString(), data.toString()));
                        data.setLength(0);
                      }
                    }));
    try {
      Event first =
          Eventually.await(
              "the current state", Duration.ofSeconds(15), () -> events.stream().findFirst());
      assertEquals("state", first.name());
      assertEquals("ACCESS_ISSUED", first.json().getString("_state"));
      assertTrue(first.json().containsKey("_access_number"));

      assertEquals(200, gms.delete("/genesys/1/service/" + id).status());
      Event change =
          Eventually.await(
              "the CANCELLED state",
              Duration.ofSeconds(15),
              () -> events.stream().filter(e -> e.data().contains("CANCELLED")).findFirst());
      assertEquals("state", change.name());
      assertEquals(id, change.json().getString("_id"));
    } finally {
      lines.cancel(true);
    }
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
