package io.callflow.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The browsable API page's files: its own and Swagger UI's from the webjar in the WAR. */
class ApiDocsIT {

  private final GmsClient http = TestServer.gms().anonymous();

  @Test
  void thePageAndSwaggerUiAreServedBesidePayarasDocument() {
    Reply page = http.get("/api-docs/");
    assertEquals(200, page.status(), page::toString);
    assertTrue(page.body().contains("swagger-ui-bundle.js"), page.body());
    Reply bundle = http.get("/api-docs/swagger-ui-bundle.js");
    assertEquals(200, bundle.status());
    assertTrue(bundle.contentType().startsWith("text/javascript"), bundle.contentType());
    assertEquals(200, http.get("/api-docs/swagger-ui.css").status());
    assertEquals(200, http.get("/openapi").status());
    assertEquals(404, http.get("/api-docs/missing.js").status());
  }
}
