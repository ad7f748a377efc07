package io.callflow.pages;

import io.callflow.testing.Browser;

/** The agent desktop page ({@code /desktop/}) as an agent uses it, in the browser stories. */
final class DesktopPage {

  private final Browser browser;

  DesktopPage(Browser browser) {
    this.browser = browser;
    browser.visit("/desktop/");
  }

  DesktopPage signIn(String agentId, String password) {
    browser.type("agent-id", agentId).type("password", password).click("sign-in-button");
    browser.awaitText("signed-agent", agentId);
    return this;
  }

  /** Logs in to {@code queues} at {@code extension}; the agent is then NOT_READY. */
  DesktopPage logIn(String queues, String extension) {
    browser.type("queues", queues).type("extension", extension).click("log-in");
    browser.awaitText("agent-state", "NOT_READY");
    return this;
  }

  DesktopPage ready() {
    browser.click("ready");
    browser.awaitText("agent-state", "READY");
    return this;
  }

  /** Waits until the customer panel says {@code status} (e.g. "Reserved", "Offer: INBOUND"). */
  DesktopPage awaitCall(String status) {
    browser.awaitText("call-status", status);
    return this;
  }

  String callService() {
    return browser.text("call-service");
  }

  String callData() {
    return browser.text("call-data");
  }

  /** Reports the call's result by its button: CONNECTED, NO_ANSWER, BUSY, FAILED, COMPLETED. */
  DesktopPage report(String result) {
    browser.click("result-" + result.toLowerCase().replace('_', '-'));
    browser.awaitText("call-status", "Reported " + result);
    return this;
  }

  DesktopPage screenshot(String name) {
    browser.screenshot(name);
    return this;
  }
}
