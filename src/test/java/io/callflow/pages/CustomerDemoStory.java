package io.callflow.pages;

import static io.callflow.pages.StoryCast.awaitCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.Browser;
import io.callflow.testing.Fixtures;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer on the demo page, in a real browser: asks for a conversation, watches the instance
 * through its states, answers the menu, and places the call as the IVR would. Agents answer through
 * the JMS desktop contract.
 */
class CustomerDemoStory {

  private final StoryCast cast = new StoryCast();
  private final Browser browser = Browser.open();

  @AfterEach
  void close() {
    try {
      browser.close();
    } finally {
      cast.close();
    }
  }

  @Test
  void aCustomerIsGivenANumberAndCodeAndTheCallIsMatchedToTheirData() {
    String service = cast.service("request-interaction", "\"_provide_code\":\"true\"");
    DemoPage demo = new DemoPage(browser).ask(service, "+14155550123", "first_name=Ada");

    demo.awaitState("ACCESS_ISSUED");
    assertTrue(cast.numbers.contains(demo.accessNumber()), demo.accessNumber());
    assertTrue(demo.accessCode().matches("\\d{4,10}"), demo.accessCode());
    demo.screenshot("demo-access-issued");

    demo.placeCall().awaitState("COMPLETED");
    assertTrue(demo.answer().contains("\"first_name\": \"Ada\""), demo.answer());
    assertInOrder(demo.history(), "ACCESS_ISSUED", "COMPLETED");
    demo.screenshot("demo-completed");
  }

  @Test
  void anInboundDelayCustomerWaitsIsGivenANumberAndReachesTheAgent() {
    String service = cast.service("request-inbound-delay", "");
    DemoPage demo = new DemoPage(browser).ask(service, "", "first_name=Grace");
    demo.awaitState("QUEUED");
    browser.awaitText("position", "1");
    demo.screenshot("demo-inbound-queued");

    DesktopClient agent = cast.readyAgent();
    demo.awaitState("ACCESS_ISSUED");
    assertTrue(cast.numbers.contains(demo.accessNumber()), demo.accessNumber());
    String id = demo.instanceId();
    awaitCommand(agent, "Reserved", id);

    demo.placeCall().awaitState("CONNECTED");
    assertTrue(demo.answer().contains(agent.agentId()), demo.answer());
    JsonObject offer = awaitCommand(agent, "Offer", id);
    assertEquals("INBOUND", offer.getString("direction"));
    assertEquals("Grace", offer.getJsonObject("data").getString("first_name"));

    agent.callResult(id, "COMPLETED");
    demo.awaitState("COMPLETED");
    assertInOrder(demo.history(), "QUEUED", "ACCESS_ISSUED", "CONNECTED", "COMPLETED");
    demo.screenshot("demo-inbound-completed");
  }

  @Test
  void anOutboundDelayCallbackIsConfirmedOnThePageAndTheAgentCallsTheCustomer() {
    String service = cast.service("request-outbound-delay", "\"_wait_for_user_confirm\":\"true\"");
    String customer = Fixtures.freshNumbers(1).get(0);
    DemoPage demo = new DemoPage(browser).ask(service, customer, "order=42");
    demo.awaitState("QUEUED");

    DesktopClient agent = cast.readyAgent();
    demo.awaitState("WAITING_CONFIRM");
    browser.awaitText(
        "dialog-text", "An agent is ready to take your call. Would you like to call now?");
    demo.screenshot("demo-outbound-menu");

    demo.confirm().awaitState("DIALING");
    String id = demo.instanceId();
    JsonObject offer = awaitCommand(agent, "Offer", id);
    assertEquals("OUTBOUND", offer.getString("direction"));
    assertEquals(customer, offer.getString("dial"));
    assertEquals("42", offer.getJsonObject("data").getString("order"));

    agent.callResult(id, "CONNECTED", 1);
    demo.awaitState("CONNECTED");
    agent.callResult(id, "COMPLETED", 1);
    demo.awaitState("COMPLETED");
    assertInOrder(demo.history(), "QUEUED", "WAITING_CONFIRM", "DIALING", "CONNECTED", "COMPLETED");
    demo.screenshot("demo-outbound-completed");
  }

  private static void assertInOrder(List<String> shown, String... expected) {
    int at = -1;
    for (String state : expected) {
      int next = shown.subList(at + 1, shown.size()).indexOf(state);
      assertTrue(next >= 0, state + " after position " + at + " in " + shown);
      at += next + 1;
    }
  }
}
