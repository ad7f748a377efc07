package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The admin API needs the administrator's Basic credentials; the Service API and health stay open.
 */
class AdminSecurityIT {

  private final GmsClient admin = TestServer.gms();
  private final GmsClient anonymous = admin.anonymous();

  @Test
  void theAdminApiRefusesAnyoneButTheAdministrator() {
    Reply refused = anonymous.get("/admin/pools");
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(
        refused.header("WWW-Authenticate").orElse("").startsWith("Basic"), refused::toString);
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
    assertEquals(401, refused.json().getInt("code"));

    Reply wrong = anonymous.asAdministrator("admin", "guess").get("/admin/services");
    assertEquals(401, wrong.status(), wrong::toString);
    Reply writeAttempt = anonymous.putJson("/admin/queues/stolen", "{\"options\":{}}");
    assertEquals(401, writeAttempt.status(), writeAttempt::toString);
    assertEquals(404, admin.get("/admin/queues/stolen").status(), "nothing was written");

    assertEquals(200, admin.get("/admin/pools").status());
  }

  @Test
  void appsHealthAndMetricsNeedNoCredentials() {
    assertEquals(200, anonymous.get("/health/ready").status());
    assertEquals(200, anonymous.get("/metrics").status());
    assertEquals(200, anonymous.post("/genesys/1/service/request-interaction").status());
    // some GMS clients always send Basic credentials; with app authentication off they are ignored
    String someone = java.util.Base64.getEncoder().encodeToString("someone:whatever".getBytes());
    assertEquals(
        200,
        anonymous
            .withHeader("Authorization", "Basic " + someone)
            .post("/genesys/1/service/request-interaction")
            .status());
  }
}
