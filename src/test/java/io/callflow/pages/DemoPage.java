package io.callflow.pages;

import io.callflow.testing.Browser;
import java.util.List;

/** The customer demo page ({@code /demo/}) as a customer uses it, in the browser stories. */
final class DemoPage {

  private final Browser browser;

  DemoPage(Browser browser) {
    this.browser = browser;
    browser.visit("/demo/");
  }

  /** Fills the form and asks {@code service} for a conversation. */
  DemoPage ask(String service, String phone, String appData) {
    browser.type("service", service).type("phone", phone).type("app-data", appData);
    browser.click("start");
    browser.awaitAnyText("instance-id");
    return this;
  }

  String instanceId() {
    return browser.text("instance-id");
  }

  DemoPage awaitState(String state) {
    browser.awaitText("state", state);
    return this;
  }

  String accessNumber() {
    return browser.awaitAnyText("access-number");
  }

  String accessCode() {
    return browser.text("access-code");
  }

  /** The states the page has shown, oldest first, without their times. */
  List<String> history() {
    return browser.texts("#history li").stream()
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .toList();
  }

  /** Waits for the "an agent is ready" menu and answers "Call now". */
  DemoPage confirm() {
    browser.await("the menu is shown", () -> browser.displayed("dialog"));
    browser.click("confirm");
    return this;
  }

  /** Calls the access number as the IVR would: match-interaction with the number and code. */
  DemoPage placeCall() {
    browser.click("place-call");
    return this;
  }

  /** What the server last answered, as the page shows it. */
  String answer() {
    return browser.text("answer");
  }

  DemoPage screenshot(String name) {
    browser.screenshot(name);
    return this;
  }
}
