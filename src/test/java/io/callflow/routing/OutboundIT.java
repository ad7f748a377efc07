package io.callflow.routing;

import static io.callflow.routing.QueuedFlowsSupport.TIMEOUT;
import static io.callflow.routing.QueuedFlowsSupport.awaitCommand;
import static io.callflow.routing.QueuedFlowsSupport.commandsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.ProblemAssertions;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contact center calls back: outbound-immediate, -delay and -poll with a desktop and a dialer.
 */
class OutboundIT {

  private final QueuedFlowsSupport flows = new QueuedFlowsSupport(1);
  private final Dialer dialer = new Dialer();
  private final String customer = Fixtures.freshNumbers(1).get(0);

  @AfterEach
  void close() {
    dialer.close();
    flows.close();
  }

  @Test
  void immediateAnswersExactlyGmsAndTheAgentsPhoneDials() {
    String service = flows.service("request-outbound-immediate", "");
    DesktopClient agent = flows.readyAgent();

    JsonObject created = flows.create(service, Map.of("_phone_number", customer, "order", "42"));
    String id = created.getString("_id");
    assertEquals(
        Json.createObjectBuilder()
            .add("_id", id)
            .add("_action", "ConfirmationDialog")
            .add("_text", "You will receive the call shortly")
            .add("_ok_title", "Ok")
            .add("_dialog_id", "0")
            .build(),
        created);

    JsonObject offer = awaitCommand(agent, "Offer", id);
    assertEquals("OUTBOUND", offer.getString("direction"));
    assertEquals(customer, offer.getString("dial"));
    assertEquals(1, offer.getInt("attempt"));
    assertEquals("42", offer.getJsonObject("data").getString("order"));
    assertEquals("DIALING", flows.read(id).getString("_state"));
    agent.callResult(id, "CONNECTED", 1);
    flows.awaitState(id, "CONNECTED");
    agent.callResult(id, "COMPLETED", 1);
    JsonObject done = flows.awaitState(id, "COMPLETED");
    JsonObject attempt = done.getJsonArray("_attempts").getJsonObject(0);
    assertEquals("AGENT", attempt.getString("party"));
    assertEquals("COMPLETED", attempt.getString("result"));
  }

  @Test
  void customerFirstTheDialerCallsAndTheAnsweredCallGoesToTheAgent() {
    String service =
        flows.service(
            "request-outbound-immediate", "\"_userterminated_first_connect_party\":\"CUSTOMER\"");
    DesktopClient agent = flows.readyAgent();
    String id = flows.create(service, Map.of("_phone_number", customer)).getString("_id");

    awaitCommand(agent, "Reserved", id);
    JsonObject dial =
        dialer.nextDial(id, TIMEOUT).orElseThrow(() -> new AssertionError("no Dial for " + id));
    assertEquals(customer, dial.getString("phone"));
    assertEquals(1, dial.getInt("attempt"));
    assertTrue(
        commandsFor(agent, "Offer").isEmpty(), "nothing for the agent until the customer answers");

    dialer.report(id, "CONNECTED", 1);
    JsonObject offer = awaitCommand(agent, "Offer", id);
    assertEquals("OUTBOUND", offer.getString("direction"));
    assertFalse(offer.containsKey("dial"), "the call is already connected: " + offer);
    flows.awaitState(id, "CONNECTED");
    agent.callResult(id, "COMPLETED", 1);
    flows.awaitState(id, "COMPLETED");
  }

  @Test
  void delayAndPollCallTheCustomerFirstThroughTheDialerToo() {
    String delay =
        flows.service(
            "request-outbound-delay",
            "\"_userterminated_first_connect_party\":\"CUSTOMER\",\"_wait_for_user_confirm\":\"false\"");
    String poll =
        flows.service(
            "request-outbound-poll", "\"_userterminated_first_connect_party\":\"CUSTOMER\"");
    DesktopClient agent = flows.readyAgent();

    String delayed = flows.create(delay, Map.of("_phone_number", customer)).getString("_id");
    answerThroughTheDialer(agent, delayed);

    String polled =
        flows
            .create(poll, Map.of("_phone_number", Fixtures.freshNumbers(1).get(0)))
            .getString("_id");
    flows.awaitState(polled, "WAITING_CONFIRM");
    assertEquals(
        "You will receive the call shortly", flows.request(polled, "confirm").getString("_text"));
    answerThroughTheDialer(agent, polled);
  }

  /** The dialer reaches the customer, the agent gets the connected call and completes it. */
  private void answerThroughTheDialer(DesktopClient agent, String id) {
    JsonObject dial =
        dialer.nextDial(id, TIMEOUT).orElseThrow(() -> new AssertionError("no Dial for " + id));
    dialer.report(id, "CONNECTED", dial.getInt("attempt"));
    JsonObject offer = awaitCommand(agent, "Offer", id);
    assertFalse(offer.containsKey("dial"), offer::toString);
    agent.callResult(id, "COMPLETED", dial.getInt("attempt"));
    flows.awaitState(id, "COMPLETED");
  }

  @Test
  void noAnswerIsDialledAgainAfterTheRetryTimeoutAndAnsweredThen() {
    String service = flows.service("request-outbound-immediate", "\"_dial_retry_timeout\":\"2\"");
    DesktopClient agent = flows.readyAgent();
    String id = flows.create(service, Map.of("_phone_number", customer)).getString("_id");

    awaitCommand(agent, "Offer", id);
    agent.callResult(id, "NO_ANSWER", 1);
    assertEquals("NO_ANSWER", awaitCommand(agent, "Revoked", id).getString("reason"));
    JsonObject retry = awaitCommand(agent, "Offer", id, 1);
    assertEquals(2, retry.getInt("attempt"));
    agent.callResult(id, "COMPLETED", 2);

    JsonObject done = flows.awaitState(id, "COMPLETED");
    var attempts = done.getJsonArray("_attempts");
    assertEquals(2, attempts.size(), done::toString);
    assertEquals("NO_ANSWER", attempts.getJsonObject(0).getString("result"));
    assertEquals("COMPLETED", attempts.getJsonObject(1).getString("result"));
  }

  @Test
  void retriesRunOutAndTheInstanceFailsWithTheReason() {
    String service =
        flows.service(
            "request-outbound-immediate",
            "\"_dial_retry_timeout\":\"1\",\"_max_dial_attempts\":\"2\"");
    DesktopClient agent = flows.readyAgent();
    String id = flows.create(service, Map.of("_phone_number", customer)).getString("_id");

    awaitCommand(agent, "Offer", id);
    agent.callResult(id, "BUSY", 1);
    awaitCommand(agent, "Offer", id, 1);
    agent.callResult(id, "BUSY", 2);

    JsonObject failed = flows.awaitState(id, "FAILED");
    assertTrue(failed.getString("_failure_reason").contains("BUSY"), failed::toString);
    assertEquals(2, failed.getJsonArray("_attempts").size());
  }

  @Test
  void delayAsksTheAppThenConfirmDialsAndSnoozeWaits() {
    String service = flows.service("request-outbound-delay", "\"_snooze_duration\":\"1\"");
    try (var device = io.callflow.testing.PushReceiver.start()) {
      DesktopClient agent = flows.readyAgent();
      JsonObject created =
          flows.create(
              service,
              Map.of(
                  "_phone_number",
                  customer,
                  "_device_notification_id",
                  device.url(),
                  "_device_os",
                  "httpcb"));
      String id = created.getString("_id");
      assertEquals("ConfirmationDialog", created.getString("_action"));
      assertEquals("1", created.getString("_position"), created::toString);

      device.await(
          "DisplayMenu pushed", TIMEOUT, r -> r.delivered() && r.body().contains("DisplayMenu"));
      assertTrue(
          commandsFor(agent, "Offer").isEmpty(), "nobody is dialled before the app confirms");
      // "Later": the agent is released and the customer asked again after the snooze
      flows.request(id, "snooze");
      assertEquals("SNOOZED", awaitCommand(agent, "Revoked", id).getString("reason"));
      awaitCommand(agent, "Reserved", id, 1);
      flows.awaitState(id, "WAITING_CONFIRM");

      JsonObject menu = flows.request(id, "DisplayMenu");
      URI callNow =
          URI.create(
              menu.getJsonArray("_content")
                  .getJsonObject(0)
                  .getJsonArray("_group_content")
                  .getJsonObject(0)
                  .getString("_user_action_url"));
      Reply confirmed = flows.gms.get(callNow.getPath());
      assertEquals(200, confirmed.status(), confirmed::toString);
      assertEquals("You will receive the call shortly", confirmed.json().getString("_text"));
      assertEquals(customer, awaitCommand(agent, "Offer", id).getString("dial"));
    }
  }

  @Test
  void delayWithoutConfirmationDialsAtOnce() {
    String service =
        flows.service("request-outbound-delay", "\"_wait_for_user_confirm\":\"false\"");
    DesktopClient agent = flows.readyAgent();
    String id = flows.create(service, Map.of("_phone_number", customer)).getString("_id");
    assertEquals(customer, awaitCommand(agent, "Offer", id).getString("dial"));
  }

  @Test
  void unconfirmedCallbacksConnectAnywayOrCancelAsConfigured() {
    String anyway =
        flows.service(
            "request-outbound-poll",
            "\"_user_confirm_timeout\":\"1\",\"_max_number_of_user_availability_confirmation_attempts\":\"1\","
                + "\"_on_user_confirm_timeout\":\"CONNECT-ANYWAY\"");
    String cancel =
        flows.service(
            "request-outbound-poll",
            "\"_user_confirm_timeout\":\"1\",\"_max_number_of_user_availability_confirmation_attempts\":\"1\","
                + "\"_on_user_confirm_timeout\":\"CANCEL\"");
    DesktopClient agent = flows.readyAgent();

    String dialled = flows.create(anyway, Map.of("_phone_number", customer)).getString("_id");
    awaitCommand(agent, "Offer", dialled);
    agent.callResult(dialled, "COMPLETED", 1);
    flows.awaitState(dialled, "COMPLETED");

    String other = Fixtures.freshNumbers(1).get(0);
    String cancelled = flows.create(cancel, Map.of("_phone_number", other)).getString("_id");
    assertEquals("CONFIRM_TIMEOUT", awaitCommand(agent, "Revoked", cancelled).getString("reason"));
    flows.awaitState(cancelled, "CANCELLED");
    assertFalse(commandsFor(agent, "Offer").contains(cancelled));
  }

  @Test
  void pollLearnsReadinessThenConfirms() {
    String service = flows.service("request-outbound-poll", "");
    DesktopClient agent = flows.readyAgent();
    String id = flows.create(service, Map.of("_phone_number", customer)).getString("_id");

    JsonObject ready =
        io.callflow.testing.Eventually.await(
            "agent ready for " + id,
            TIMEOUT,
            () ->
                java.util.Optional.of(flows.request(id, "check-queue-position"))
                    .filter(r -> r.getBoolean("_agent_ready_threshold_passed")));
    assertEquals("DisplayMenu", ready.getString("_action"), ready::toString);
    assertEquals(
        "You will receive the call shortly", flows.request(id, "confirm").getString("_text"));
    awaitCommand(agent, "Offer", id);
  }

  @Test
  void oneLiveCallbackPerNumberAndANumberIsRequired() {
    String service = flows.service("request-outbound-delay", "");
    String first = flows.create(service, Map.of("_phone_number", customer)).getString("_id");
    String again =
        flows.create(service, Map.of("_phone_number", customer, "note", "again")).getString("_id");
    assertEquals(first, again, "a second request for a live number answers the live instance");
    String other =
        flows
            .create(service, Map.of("_phone_number", Fixtures.freshNumbers(1).get(0)))
            .getString("_id");
    assertFalse(other.equals(first));
    flows.gms.delete("/genesys/1/service/" + first);
    String afterCancel = flows.create(service, Map.of("_phone_number", customer)).getString("_id");
    assertFalse(afterCancel.equals(first), "once the first ended, a new one is created");

    ProblemAssertions.assertProblem(
        flows.gms.postForm("/genesys/1/service/" + service, Map.of()), 400, "_phone_number");
  }

  @Test
  void aCustomerWhoCallsInWhileQueuedIsMatchedAndNotDialled() {
    String service = flows.service("request-outbound-delay", "");
    String id =
        flows.create(service, Map.of("_phone_number", customer, "order", "7")).getString("_id");

    // the main line is in no pool: the IVR matches by the caller's number
    Reply matched =
        flows.match("+18005559999", Map.of("_phone_number", customer, "_return_user_data", "true"));
    assertEquals(200, matched.status(), matched::toString);
    assertEquals(id, matched.json().getString("_id"));
    assertEquals("7", matched.json().getString("order"));

    DesktopClient agent = flows.readyAgent();
    JsonObject offer = awaitCommand(agent, "Offer", id);
    assertEquals(
        "INBOUND",
        offer.getString("direction"),
        "the waiting call is handed over, nobody is dialled");
    assertFalse(offer.containsKey("dial"));
    flows.awaitState(id, "CONNECTED");
    assertTrue(flows.read(id).getJsonArray("_attempts").isEmpty());
  }

  @Test
  void aRetryPendingDuringARestartDialsOnce() throws Exception {
    String service = flows.service("request-outbound-immediate", "\"_dial_retry_timeout\":\"4\"");
    DesktopClient agent = flows.readyAgent();
    String id = flows.create(service, Map.of("_phone_number", customer)).getString("_id");
    awaitCommand(agent, "Offer", id);
    agent.callResult(id, "NO_ANSWER", 1);
    awaitCommand(agent, "Revoked", id);

    TestServer.stack().restartServer();

    awaitCommand(agent, "Offer", id, 1);
    Eventually.staysSo(
        "dialled once more, not twice",
        Duration.ofSeconds(3),
        () -> commandsFor(agent, "Offer").stream().filter(id::equals).count() == 2);
    assertEquals(
        List.of("1", "2"),
        flows.read(id).getJsonArray("_attempts").stream()
            .map(a -> a.asJsonObject().getString("attempt"))
            .toList());
  }
}
