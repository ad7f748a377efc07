package io.callflow.pages;

import io.callflow.testing.Browser;
import io.callflow.testing.TestServer;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The operations console ({@code /console/}) as an administrator uses it. */
final class ConsolePage {

  private final Browser browser;

  ConsolePage(Browser browser) {
    this.browser = browser;
    browser.visitAs("admin", TestServer.ADMIN_PASSWORD, "/console/");
    browser.await("the console is live", () -> browser.text("beat").startsWith("updated"));
  }

  /** Creates a locking pool through the console's form (the admin API's PUT). */
  ConsolePage createLockingPool(String name, int timeoutSeconds, List<String> numbers) {
    browser
        .type("pool-name", name)
        .type("pool-timeout", String.valueOf(timeoutSeconds))
        .type("pool-numbers", String.join("\n", numbers))
        .click("pool-save");
    browser.awaitText("status", "Pool " + name + " saved");
    return this;
  }

  /** The text of the pool's cell of class {@code column} (live, rate, needed-1, needed-01, has). */
  String pool(String name, String column) {
    String[] text = new String[1];
    browser.await(
        "pool " + name + " is listed",
        () -> {
          WebElement row = row(name);
          text[0] = row == null ? null : row.findElement(By.className(column)).getText().strip();
          return text[0] != null;
        });
    return text[0];
  }

  /** Waits until the pool's {@code column} cell says {@code expected}. */
  ConsolePage awaitPool(String name, String column, String expected) {
    browser.await(
        "pool " + name + " " + column + " says " + expected,
        () -> row(name) != null && expected.equals(pool(name, column)));
    return this;
  }

  /** Waits until the pool's last-hour booking rate is above zero: a sample has seen a booking. */
  ConsolePage awaitBookingsSampled(String name) {
    browser.await(
        "a sample of pool " + name + " counts a booking",
        () -> row(name) != null && Double.parseDouble(pool(name, "rate")) > 0);
    return this;
  }

  /** The broker's state in the health part, once the first snapshot has shown it. */
  String broker() {
    return browser.awaitAnyText("broker");
  }

  /** The outbox backlog as the health part shows it. */
  String outbox() {
    return browser.awaitAnyText("outbox");
  }

  /** Searches the instances for an id or a phone number and waits for the answer. */
  ConsolePage searchInstances(String query) {
    browser.type("instance-query", query).click("instance-search");
    browser.await(
        "the instances found for " + query,
        () ->
            query.equals(
                browser.driver().findElement(By.id("instances")).getAttribute("data-query")));
    return this;
  }

  /** Waits until the instance's row shows {@code state}. */
  ConsolePage awaitInstanceState(String id, String state) {
    browser.await(
        "instance " + id + " shows " + state,
        () -> browser.texts("#instances tr[data-instance='" + id + "'] .state").contains(state));
    return this;
  }

  /** Cancels the instance with its row's button. */
  ConsolePage cancelInstance(String id) {
    browser.clickWhenFound("#instances tr[data-instance='" + id + "'] button.cancel");
    browser.awaitText("status", "Instance " + id + " CANCELLED");
    return this;
  }

  /** Opens the instance's history with its row's button; answers the states listed, in order. */
  List<String> history(String id, int states) {
    browser.clickWhenFound("#instances tr[data-instance='" + id + "'] button.history");
    browser.await(
        "the history of " + id + " lists " + states + " states",
        () ->
            id.equals(browser.driver().findElement(By.id("history")).getAttribute("data-instance"))
                && browser.texts("#history-list li").size() == states);
    return browser.driver().findElements(By.cssSelector("#history-list li")).stream()
        .map(item -> item.getAttribute("data-state"))
        .toList();
  }

  /** Opens the pool in the form by its row's Edit, changes its booking timeout and saves it. */
  ConsolePage editPoolTimeout(String name, int timeoutSeconds) {
    browser.clickWhenFound("#pools tr[data-pool='" + name + "'] button.edit");
    browser.await("the form holds " + name, () -> name.equals(fieldValue("pool-name")));
    browser.type("pool-timeout", String.valueOf(timeoutSeconds)).click("pool-save");
    browser.awaitText("status", "Pool " + name + " saved");
    return this;
  }

  /**
   * Edits a listed service: its row's Edit button fills the form, the options are replaced with
   * {@code optionsJson} and saved through the admin API.
   */
  ConsolePage editServiceOptions(String name, String optionsJson) {
    browser.await(
        "service " + name + " is listed",
        () -> !browser.texts("#services tr[data-service='" + name + "'] .flow").isEmpty());
    browser.clickWhenFound("#services tr[data-service='" + name + "'] button.edit");
    browser.await("the form holds " + name, () -> name.equals(fieldValue("service-name")));
    browser.type("service-options", optionsJson).click("service-save");
    browser.awaitText("status", "Service " + name + " saved");
    return this;
  }

  /** The options the services table lists for the service, as {@code key=value, …}. */
  String serviceOptions(String name) {
    return browser.texts("#services tr[data-service='" + name + "'] .options").get(0);
  }

  /** Waits until the queue's wait chart draws {@code dispatches} dispatches; answers its label. */
  String awaitWaitChart(String queue, int dispatches) {
    String selector = "#queues tr[data-queue='" + queue + "'] .waits svg";
    browser.await(
        "the wait chart of " + queue + " draws " + dispatches + " dispatches",
        () -> {
          List<WebElement> charts = browser.driver().findElements(By.cssSelector(selector));
          try {
            return !charts.isEmpty()
                && charts.get(0).getAttribute("aria-label").startsWith(dispatches + " dispatches");
          } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return false;
          }
        });
    return browser.driver().findElement(By.cssSelector(selector)).getAttribute("aria-label");
  }

  /** Scrolls the element with that id to the top of the window, for a screenshot of it. */
  ConsolePage scrollTo(String id) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    return this;
  }

  private String fieldValue(String id) {
    return browser.driver().findElement(By.id(id)).getAttribute("value");
  }

  /**
   * Waits for the push to the instance among the pushes given up, then sends it again with its
   * Retry button (the table is redrawn on every beat, so a button may go stale under the click).
   */
  ConsolePage retryPushTo(String serviceId) {
    browser.clickWhenFound("#deliveries tr[data-service='" + serviceId + "'] button.retry");
    browser.awaitText("status", "Push to " + serviceId + " sent again");
    return this;
  }

  String agentState(String agentId) {
    return browser
        .driver()
        .findElement(By.cssSelector("#agents tr[data-agent='" + agentId + "'] .state"))
        .getText();
  }

  ConsolePage screenshot(String name) {
    browser.screenshot(name);
    return this;
  }

  private WebElement row(String name) {
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("#pools tr[data-pool='" + name + "']"));
    return rows.isEmpty() ? null : rows.get(0);
  }
}
