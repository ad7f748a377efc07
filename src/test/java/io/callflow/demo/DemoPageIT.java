package io.callflow.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The demo page's files as the server hands them out (the page at work is the browser stories'
 * business): the page, its script and style, never anything else of the WAR.
 */
class DemoPageIT {

  private final GmsClient http = TestServer.gms().anonymous();

  @Test
  void thePageIsServedWithAPolicyThatAllowsOnlyItsOwnScripts() {
    Reply page = http.get("/demo/");
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("<script src=\"demo.js\" defer></script>"), page.body());
    assertTrue(page.header("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""));

    assertTrue(http.get("/demo/demo.js").contentType().startsWith("text/javascript"));
    assertTrue(http.get("/pages/callflow.css").contentType().startsWith("text/css"));
  }

  @Test
  void theFolderWithoutItsSlashRedirectsToIt() {
    Reply folder = http.get("/demo");
    assertEquals(302, folder.status(), folder::toString);
    assertTrue(folder.header("Location").orElse("").endsWith("/demo/"), folder::toString);
  }

  @Test
  void nothingElseOfTheWarIsReachableThroughThePage() {
    for (String path :
        new String[] {"/demo/missing.js", "/demo/..%2Fweb.xml", "/demo/%2E%2E/web.xml"}) {
      Reply refused = http.get(path);
      assertTrue(refused.status() == 404 || refused.status() == 400, path + ": " + refused);
      assertTrue(!refused.body().contains("<web-app"), path + ": " + refused);
    }
  }

  @Test
  void productionShowsNoDemoUnlessConfiguredTo() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    assertEquals("false", defaults.getProperty("callflow.demo.enabled"));
  }
}
