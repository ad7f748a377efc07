package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    // nor does the administrator's name with a wrong password, or a header that is no credential
    for (String authorization :
        new String[] {basic("admin:guess"), "Basic !!!***", basic("no-colon"), "Basic "}) {
      GmsClient app = anonymous.withHeader("Authorization", authorization);
      Reply created = app.post("/genesys/1/service/request-interaction");
      assertEquals(200, created.status(), authorization + " " + created);
      assertEquals(200, app.get("/health/ready").status(), authorization);
    }
  }

  @Test
  void refusalsAreTheBasicChallengeOrForbiddenInProblemJson() {
    for (String path : new String[] {"/admin/pools", "/admin", "/console", "/console/"}) {
      for (String authorization :
          new String[] {
            basic("admin:guess"),
            "Basic !!!***",
            basic("admin"),
            "Bearer " + TestServer.ADMIN_PASSWORD
          }) {
        Reply refused = anonymous.withHeader("Authorization", authorization).get(path);
        assertEquals(401, refused.status(), path + " " + authorization + " " + refused);
        assertEquals(
            "Basic realm=\"callflow\"", refused.header("WWW-Authenticate").orElse(""), path);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        assertEquals("UNAUTHORIZED", refused.json().getString("phrase"), refused::toString);
      }
      // an agent of the desktop page authenticates, but is no administrator
      Reply forbidden =
          anonymous.withHeader("Authorization", basic("desk-it:desk-it-secret")).get(path);
      assertEquals(403, forbidden.status(), path + " " + forbidden);
      assertTrue(forbidden.header("WWW-Authenticate").isEmpty(), forbidden::toString);
      assertTrue(
          forbidden.contentType().startsWith("application/problem+json"), forbidden::toString);
      assertEquals(403, forbidden.json().getInt("code"), forbidden::toString);
    }
    assertEquals(
        403,
        anonymous
            .withHeader("Authorization", basic("desk-it:desk-it-secret"))
            .putJson("/admin/queues/stolen", "{\"options\":{}}")
            .status());
  }

  @Test
  void theAdministratorsCredentialsFollowRfc7617() {
    String right = "admin:" + TestServer.ADMIN_PASSWORD;
    assertEquals(
        200, anonymous.withHeader("Authorization", basic(right)).get("/admin/pools").status());
    // the scheme's name is case-insensitive
    assertEquals(
        200,
        anonymous
            .withHeader("Authorization", "basic " + basic(right).substring("Basic ".length()))
            .get("/admin/pools")
            .status());
    // the password is everything after the first colon: more after the right one is a wrong one
    assertEquals(
        401,
        anonymous.withHeader("Authorization", basic(right + ":more")).get("/admin/pools").status());
  }

  private static String basic(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }
}
