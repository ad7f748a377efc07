package io.callflow.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.JmsClient;
import io.callflow.testing.TestServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A row and a JMS message commit or roll back together; the message-driven bean consumes it. */
class RoundTripIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String PROBES = "/admin/diagnostics/round-trips";

  private final GmsClient gms = TestServer.gms();
  private final JmsClient jms = TestServer.jms();

  @AfterEach
  void closeJms() {
    jms.close();
  }

  @Test
  void committedProbeIsConsumedAndPublishedOnTheEventsTopic() {
    JmsClient.Subscription events = jms.subscribe(Destinations.EVENTS);
    Reply sent = gms.post(PROBES);
    assertEquals(202, sent.status(), sent::toString);
    String id = sent.json().getString("id");

    Reply completed = awaitCompleted(id);
    assertEquals("COMPLETED", completed.json().getString("state"));
    events.await(
        "RoundTripProbeCompleted for " + id,
        TIMEOUT,
        m ->
            "RoundTripProbeCompleted".equals(m.type())
                && id.equals(m.body().getString("probeId", "")));
  }

  @Test
  void rollbackAfterSendLeavesNeitherRowNorMessage() {
    JmsClient.Subscription events = jms.subscribe(Destinations.EVENTS);
    Reply rolledBack = gms.post(PROBES + "?rollback=true");
    assertEquals(200, rolledBack.status(), rolledBack::toString);
    assertEquals("ROLLED_BACK", rolledBack.json().getString("state"));
    String rolledBackId = rolledBack.json().getString("id");

    // a probe sent afterwards travels the same queue: once it is through, a leaked message would be
    // too
    String laterId = gms.post(PROBES).json().getString("id");
    awaitCompleted(laterId);
    events.await(
        "the later probe's event", TIMEOUT, m -> laterId.equals(m.body().getString("probeId", "")));

    Reply missing = gms.get(PROBES + "/" + rolledBackId);
    assertEquals(404, missing.status(), missing::toString);
    assertEquals("application/problem+json", missing.contentType());
    assertFalse(
        events.anyMatch(m -> rolledBackId.equals(m.body().getString("probeId", ""))),
        "the rolled-back probe's message was delivered");
  }

  @Test
  void probesSurviveAServerRestart() throws Exception {
    String id = gms.post(PROBES).json().getString("id");
    awaitCompleted(id);

    TestServer.stack().restartServer();

    Reply afterRestart = gms.get(PROBES + "/" + id);
    assertEquals(200, afterRestart.status(), afterRestart::toString);
    assertEquals("COMPLETED", afterRestart.json().getString("state"));
    // and the wiring works again after the restart
    awaitCompleted(gms.post(PROBES).json().getString("id"));
  }

  private Reply awaitCompleted(String id) {
    return Eventually.await(
        "probe " + id + " completed",
        TIMEOUT,
        () ->
            Optional.of(gms.get(PROBES + "/" + id))
                .filter(r -> r.status() == 200 && "COMPLETED".equals(r.json().getString("state"))));
  }
}
