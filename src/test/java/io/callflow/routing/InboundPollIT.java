package io.callflow.routing;

import static io.callflow.routing.QueuedFlowsSupport.TIMEOUT;
import static io.callflow.routing.QueuedFlowsSupport.awaitCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.ProblemAssertions;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** request-inbound-poll and request-inbound-delay-location end to end. */
class InboundPollIT {

  private final QueuedFlowsSupport flows = new QueuedFlowsSupport(2);

  @AfterEach
  void close() {
    flows.close();
  }

  @Test
  void pollingAnswersPositionUntilAnAgentIsReadyThenTheNumber() {
    String service = flows.service("request-inbound-poll", "");
    DesktopClient agent = flows.agent();
    String first = flows.create(service, Map.of()).getString("_id");
    String second = flows.create(service, Map.of()).getString("_id");

    JsonObject waiting = flows.request(second, "check-queue-position");
    assertEquals("2", waiting.getString("_position"), waiting::toString);
    assertEquals("2", waiting.getString("_total_waiting"));
    assertFalse(waiting.getBoolean("_agent_ready_threshold_passed"));
    assertTrue(
        Double.parseDouble(waiting.getString("ewt")) > 0,
        "an agent is logged in but not ready: " + waiting);
    assertEquals(waiting.getString("ewt"), waiting.getString("_eta"));
    assertFalse(waiting.containsKey("_access_number"));
    // POST as older clients do, with an empty form
    Reply posted = flows.gms.post("/genesys/1/service/" + first + "/check-queue-position");
    assertEquals(200, posted.status(), posted::toString);
    assertEquals("1", posted.json().getString("_position"));
    assertEquals(
        "2",
        flows.read(second).getString("_position"),
        "GET /service/{id} carries the position too");

    agent.ready();

    JsonObject ready =
        Eventually.await(
            "the first customer's agent is ready",
            TIMEOUT,
            () ->
                Optional.of(flows.request(first, "check-queue-position"))
                    .filter(r -> r.getBoolean("_agent_ready_threshold_passed")));
    assertEquals("DialNumber", ready.getString("_action"), ready::toString);
    assertTrue(flows.numbers.contains(ready.getString("_access_number")), ready::toString);
    assertTrue(ready.getString("_tel_url").startsWith("tel:"), ready::toString);
    assertEquals("0", ready.getString("ewt"));
    assertEquals(
        ready.getString("_access_number"),
        flows.request(first, "DialNumber").getString("_access_number"));
    awaitCommand(agent, "Reserved", first);
    JsonObject stillWaiting = flows.request(second, "check-queue-position");
    assertEquals("1", stillWaiting.getString("_position"), "the second moved up: " + stillWaiting);
    assertFalse(stillWaiting.getBoolean("_agent_ready_threshold_passed"));

    Reply matched = flows.match(ready.getString("_access_number"), Map.of());
    assertEquals(agent.agentId(), matched.json().getString("_agent_id"), matched::toString);
    awaitCommand(agent, "Offer", first);
  }

  @Test
  void locationChoosesTheNearestPoolCoveringTheCustomer() {
    double latitude = ThreadLocalRandom.current().nextDouble(-60, 60);
    double longitude = ThreadLocalRandom.current().nextDouble(-170, 170);
    List<String> localNumbers = Fixtures.freshNumbers(1);
    String local =
        Fixtures.pool(
            flows.gms,
            "LOCKING",
            60,
            localNumbers,
            "\"choice\":\"RANDOM\",\"location\":{\"latitude\":"
                + latitude
                + ",\"longitude\":"
                + longitude
                + ",\"radiusKm\":5}");
    String service = flows.service("request-inbound-delay-location", "");
    DesktopClient agent = flows.readyAgent();

    // ~1 km away: the local pool covers it
    String near =
        flows
            .create(
                service,
                Map.of(
                    "_latitude",
                    String.valueOf(latitude + 0.009),
                    "_longitude",
                    String.valueOf(longitude)))
            .getString("_id");
    awaitCommand(agent, "Reserved", near);
    assertEquals(
        localNumbers.get(0), flows.awaitState(near, "ACCESS_ISSUED").getString("_access_number"));
    flows.gms.delete("/genesys/1/service/" + near);

    // ~100 km away: nobody covers it, the service's own pool serves
    String far =
        flows
            .create(
                service,
                Map.of(
                    "_latitude",
                    String.valueOf(latitude + 0.9),
                    "_longitude",
                    String.valueOf(longitude)))
            .getString("_id");
    awaitCommand(agent, "Reserved", far);
    assertTrue(
        flows.numbers.contains(flows.awaitState(far, "ACCESS_ISSUED").getString("_access_number")));
  }

  @Test
  void badCoordinatesAreRefusedNamingTheField() {
    String service = flows.service("request-inbound-delay-location", "");
    ProblemAssertions.assertProblem(
        flows.gms.postForm(
            "/genesys/1/service/" + service, Map.of("_latitude", "91", "_longitude", "2")),
        400,
        "_latitude");
    ProblemAssertions.assertProblem(
        flows.gms.postForm(
            "/genesys/1/service/" + service, Map.of("_latitude", "48.8", "_longitude", "east")),
        400,
        "_longitude");
    ProblemAssertions.assertProblem(
        flows.gms.postForm("/genesys/1/service/" + service, Map.of("_latitude", "48.8")),
        400,
        "_longitude");
  }
}
