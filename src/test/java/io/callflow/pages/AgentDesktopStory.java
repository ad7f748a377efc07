package io.callflow.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agent on the desktop page and a customer on the demo page, each in a browser of their own: the
 * customer waits, the agent is held for them, the call comes in and the agent completes it.
 */
class AgentDesktopStory {

  private final StoryCast cast = new StoryCast();
  private final Browser agentBrowser = Browser.open();
  private final Browser customerBrowser = Browser.open();

  @AfterEach
  void close() {
    try {
      agentBrowser.close();
      customerBrowser.close();
    } finally {
      cast.close();
    }
  }

  @Test
  void anInboundDelayCustomerIsServedByAnAgentOnTheDesktopPage() {
    String service = cast.service("request-inbound-delay", "");
    DesktopPage desktop =
        new DesktopPage(agentBrowser)
            .signIn("desk-story", "desk-story-secret")
            .logIn(cast.queue, "5101")
            .ready()
            .screenshot("desktop-ready");

    DemoPage customer = new DemoPage(customerBrowser).ask(service, "", "first_name=Grace");
    customer.awaitState("ACCESS_ISSUED");
    String id = customer.instanceId();

    desktop.awaitCall("Reserved");
    assertEquals(id, desktop.callService());
    assertTrue(desktop.callData().contains("\"first_name\": \"Grace\""), desktop.callData());
    desktop.screenshot("desktop-reserved");

    customer.placeCall().awaitState("CONNECTED");
    assertTrue(customer.answer().contains("desk-story"), customer.answer());
    desktop.awaitCall("Offer: INBOUND").screenshot("desktop-offer");

    desktop.report("COMPLETED");
    customer.awaitState("COMPLETED");
    agentBrowser.awaitText("agent-state", "READY");
    desktop.screenshot("desktop-completed");
  }
}
