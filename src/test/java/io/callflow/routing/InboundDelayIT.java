package io.callflow.routing;

import static io.callflow.routing.QueuedFlowsSupport.TIMEOUT;
import static io.callflow.routing.QueuedFlowsSupport.awaitCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.PushReceiver;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** request-inbound-delay end to end: queue, agent READY, reservation, push, call, offer, result. */
class InboundDelayIT {

  private final QueuedFlowsSupport flows = new QueuedFlowsSupport(3);
  private final PushReceiver device = PushReceiver.start();

  @AfterEach
  void close() {
    flows.close();
    device.close();
  }

  @Test
  void queuedCustomerGetsTheNumberWhenAnAgentIsReadyAndTheAgentGetsTheCall() {
    String service = flows.service("request-inbound-delay", "\"_provide_code\":\"true\"");
    DesktopClient agent = flows.agent();

    JsonObject created =
        flows.create(
            service, registered(Map.of("first_name", "Ada", "_phone_number", "+14155550123")));
    String id = created.getString("_id");
    assertEquals("ConfirmationDialog", created.getString("_action"), created::toString);
    assertEquals("0", created.getString("_dialog_id"));
    assertEquals("1", created.getString("_position"), created::toString);
    assertTrue(Long.parseLong(created.getString("ewt")) >= 0, created::toString);
    assertFalse(created.containsKey("_access_number"), "no number before an agent is ready");
    assertEquals("QUEUED", flows.read(id).getString("_state"));

    agent.ready();

    JsonObject reserved = awaitCommand(agent, "Reserved", id);
    assertEquals("request-inbound-delay", reserved.getString("flow"));
    assertEquals("+14155550123", reserved.getJsonObject("customer").getString("phone"));
    assertEquals(
        "Ada", reserved.getJsonObject("customer").getJsonObject("data").getString("first_name"));
    awaitPush(id, "DialNumber");
    JsonObject dial = flows.request(id, "DialNumber");
    String number = dial.getString("_access_number");
    assertTrue(flows.numbers.contains(number), dial::toString);
    assertEquals(
        "tel:" + number + ",,," + dial.getString("_access_code"), dial.getString("_tel_url"));
    assertEquals("ACCESS_ISSUED", flows.read(id).getString("_state"));

    Reply matched = flows.match(number, Map.of("_access_code", dial.getString("_access_code")));
    assertEquals(200, matched.status(), matched::toString);
    assertEquals(id, matched.json().getString("_id"));
    assertEquals(agent.agentId(), matched.json().getString("_agent_id"), matched::toString);
    JsonObject offer = awaitCommand(agent, "Offer", id);
    assertEquals("INBOUND", offer.getString("direction"));
    assertEquals("Ada", offer.getJsonObject("data").getString("first_name"));
    assertEquals("CONNECTED", flows.read(id).getString("_state"));

    agent.callResult(id, "COMPLETED");
    flows.awaitState(id, "COMPLETED");
  }

  @Test
  void withConfirmationTheAppGetsAMenuAndConfirmAnswersTheNumber() {
    String service = flows.service("request-inbound-delay", "\"_wait_for_user_confirm\":\"true\"");
    DesktopClient agent = flows.readyAgent();

    String id = flows.create(service, registered(Map.of())).getString("_id");

    awaitCommand(agent, "Reserved", id);
    awaitPush(id, "DisplayMenu");
    assertEquals("WAITING_CONFIRM", flows.read(id).getString("_state"));
    JsonObject menu = flows.request(id, "DisplayMenu");
    assertEquals("DisplayMenu", menu.getString("_action"));
    var items = menu.getJsonArray("_content").getJsonObject(0).getJsonArray("_group_content");
    assertEquals(2, items.size(), menu::toString);
    URI callNow = URI.create(items.getJsonObject(0).getString("_user_action_url"));
    URI later = URI.create(items.getJsonObject(1).getString("_user_action_url"));
    assertEquals("/genesys/1/service/" + id + "/confirm", callNow.getPath());
    assertEquals("/genesys/1/service/" + id + "/snooze", later.getPath());

    // older GMS clients POST the chosen URL's path
    Reply confirmed = flows.gms.post(callNow.getPath());
    assertEquals(200, confirmed.status(), confirmed::toString);
    assertEquals("DialNumber", confirmed.json().getString("_action"));
    assertTrue(
        flows.numbers.contains(confirmed.json().getString("_access_number")), confirmed::toString);
    assertEquals("ACCESS_ISSUED", flows.read(id).getString("_state"));
    // confirming again answers the same number
    assertEquals(
        confirmed.json().getString("_access_number"),
        flows.request(id, "confirm").getString("_access_number"));
  }

  @Test
  void unansweredConfirmationIsAskedAgainThenConnectsAnyway() {
    String service =
        flows.service(
            "request-inbound-delay",
            "\"_wait_for_user_confirm\":\"true\",\"_user_confirm_timeout\":\"1\","
                + "\"_max_number_of_user_availability_confirmation_attempts\":\"2\","
                + "\"_on_user_confirm_timeout\":\"CONNECT-ANYWAY\"");
    flows.readyAgent();

    String id = flows.create(service, registered(Map.of())).getString("_id");

    awaitPush(id, "DialNumber");
    List<String> actions = pushedActions(id);
    assertEquals(
        List.of("DisplayMenu", "DisplayMenu", "DialNumber"),
        actions,
        "asked twice, then connected anyway");
    assertEquals("ACCESS_ISSUED", flows.read(id).getString("_state"));
  }

  @Test
  void unansweredConfirmationCancelsWhenConfiguredSo() {
    String service =
        flows.service(
            "request-inbound-delay",
            "\"_wait_for_user_confirm\":\"true\",\"_user_confirm_timeout\":\"1\","
                + "\"_max_number_of_user_availability_confirmation_attempts\":\"1\",\"_on_user_confirm_timeout\":\"CANCEL\"");
    DesktopClient agent = flows.readyAgent();

    String id = flows.create(service, registered(Map.of())).getString("_id");

    JsonObject revoked = awaitCommand(agent, "Revoked", id);
    assertEquals("CONFIRM_TIMEOUT", revoked.getString("reason"));
    flows.awaitState(id, "CANCELLED");
  }

  @Test
  void snoozeReleasesTheAgentAndQueuesTheCustomerAgainLater() {
    String service =
        flows.service(
            "request-inbound-delay",
            "\"_wait_for_user_confirm\":\"true\",\"_snooze_duration\":\"2\"");
    DesktopClient agent = flows.readyAgent();
    String id = flows.create(service, registered(Map.of())).getString("_id");
    awaitCommand(agent, "Reserved", id);
    awaitPush(id, "DisplayMenu");

    JsonObject snoozed = flows.request(id, "snooze");

    assertEquals("ConfirmationDialog", snoozed.getString("_action"), snoozed::toString);
    assertEquals("SNOOZED", awaitCommand(agent, "Revoked", id).getString("reason"));
    // the snooze ends and the same (still only) agent is reserved again
    awaitCommand(agent, "Reserved", id, 1);
    flows.awaitState(id, "WAITING_CONFIRM");
  }

  private Map<String, String> registered(Map<String, String> form) {
    Map<String, String> withDevice = new java.util.HashMap<>(form);
    withDevice.putAll(device.registration());
    return withDevice;
  }

  private void awaitPush(String id, String action) {
    device.awaitPush(id, action, TIMEOUT);
  }

  private List<String> pushedActions(String id) {
    return device.pushedActions(id);
  }
}
