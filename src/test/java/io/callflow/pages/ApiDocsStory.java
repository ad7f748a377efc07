package io.callflow.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Browser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An app developer browses the API: Swagger UI renders the server's own OpenAPI document. */
class ApiDocsStory {

  private final Browser browser = Browser.open();

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void theApiPageListsTheServiceApisOperations() {
    browser.visit("/api-docs/");
    browser.await(
        "Swagger UI lists the operations",
        () -> browser.texts(".opblock-summary-path").size() > 30);
    List<String> paths = browser.texts(".opblock-summary-path");
    assertTrue(
        paths.stream().anyMatch(p -> p.equals("/genesys/1/service/{service-name}")),
        paths.toString());
    assertTrue(paths.stream().anyMatch(p -> p.startsWith("/admin/pools")), paths.toString());
    browser.screenshot("api-docs");
  }
}
