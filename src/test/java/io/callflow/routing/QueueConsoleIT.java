package io.callflow.routing;

import static io.callflow.routing.QueuedFlowsSupport.awaitCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the console shows of a queued flow through the admin API: the states an instance went
 * through, in order, and the queue's EWT predicted at queueing against the wait it was.
 */
class QueueConsoleIT {

  private final QueuedFlowsSupport flows = new QueuedFlowsSupport(2);

  @AfterEach
  void close() {
    flows.close();
  }

  @Test
  void aServedCustomersHistoryListsEveryStateInOrder() {
    String service = flows.service("request-inbound-poll", "");
    String customer = flows.create(service, Map.of()).getString("_id");
    assertEquals(List.of("QUEUED"), states(history(customer)));

    DesktopClient agent = flows.readyAgent();
    JsonObject issued = flows.awaitState(customer, "ACCESS_ISSUED");
    assertEquals(200, flows.match(issued.getString("_access_number"), Map.of()).status());
    awaitCommand(agent, "Offer", customer);
    agent.callResult(customer, "COMPLETED");
    flows.awaitState(customer, "COMPLETED");

    JsonArray history = history(customer);
    assertEquals(
        List.of("QUEUED", "AGENT_RESERVED", "ACCESS_ISSUED", "CONNECTED", "COMPLETED"),
        states(history),
        history::toString);
    assertTrue(!history.getJsonObject(0).containsKey("previousState"), history::toString);
    Instant last = Instant.EPOCH;
    for (int i = 0; i < history.size(); i++) {
      JsonObject entered = history.getJsonObject(i);
      Instant at = Instant.parse(entered.getString("at"));
      assertTrue(!at.isBefore(last), "in time order: " + history);
      last = at;
      if (i > 0) {
        assertEquals(
            history.getJsonObject(i - 1).getString("state"),
            entered.getString("previousState"),
            history::toString);
      }
    }
    assertEquals(401, flows.gms.anonymous().get(historyPath(customer)).status());
  }

  @Test
  void aDispatchIsChartedWithItsPredictedAndActualWait() {
    String service = flows.service("request-inbound-poll", "");
    DesktopClient agent = flows.agent(); // logged in, not ready: the EWT is a handle time's half
    Instant before = Instant.now();
    String customer = flows.create(service, Map.of()).getString("_id");
    long predicted =
        Long.parseLong(flows.request(customer, "check-queue-position").getString("ewt"));
    assertTrue(predicted > 0, "an agent logged in but not ready: the customer waits");
    assertEquals(List.of(), samples().getValuesAs(JsonObject.class), "nobody dispatched yet");

    agent.ready();
    awaitCommand(agent, "Reserved", customer);
    long elapsed = Duration.between(before, Instant.now()).toSeconds() + 1;

    JsonObject sample =
        Eventually.await(
            "the dispatch charted",
            QueuedFlowsSupport.TIMEOUT,
            () -> samples().getValuesAs(JsonObject.class).stream().findFirst());
    assertEquals(predicted, sample.getJsonNumber("predictedSeconds").longValue(), sample::toString);
    long actual = sample.getJsonNumber("actualSeconds").longValue();
    assertTrue(actual >= 0 && actual <= elapsed, sample + " waited at most " + elapsed + " s");
    Instant at = Instant.parse(sample.getString("at"));
    assertTrue(!at.isBefore(before.minusSeconds(1)), sample::toString);
    assertEquals(1, samples().size(), "one sample a customer");

    Reply unknown = flows.gms.get("/admin/queues/no-such-queue/waits");
    assertEquals(404, unknown.status(), unknown::toString);
  }

  private JsonArray samples() {
    Reply waits = flows.gms.get("/admin/queues/" + flows.queue + "/waits");
    assertEquals(200, waits.status(), waits::toString);
    assertEquals(flows.queue, waits.json().getString("queue"));
    return waits.json().getJsonArray("samples");
  }

  private JsonArray history(String id) {
    Reply read = flows.gms.get(historyPath(id));
    assertEquals(200, read.status(), read::toString);
    return read.json().getJsonArray("history");
  }

  private static String historyPath(String id) {
    return "/admin/console/instances/" + id + "/history";
  }

  private static List<String> states(JsonArray history) {
    return history.getValuesAs(JsonObject.class).stream().map(h -> h.getString("state")).toList();
  }
}
