package io.callflow.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.PayaraProcess;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code callflow.app.auth=basic,bearer} (a second server instance, so configured), the app
 * APIs need a Basic user or a bearer token, and the principal owns what it creates: another
 * principal, even one sending the owner's {@code gms_user} header, sees nothing of it.
 */
class AppAuthenticationIT {

  private static final String ALICE_TOKEN = "alice-token-7f3a9c";

  private static PayaraProcess secured;
  private static GmsClient anonymous;

  @BeforeAll
  static void startAServerThatRequiresAuthentication() throws Exception {
    int port = TestServer.freePort();
    secured =
        TestServer.stack()
            .startAnotherServer(
                "app-auth",
                port,
                Map.of(
                    "callflow.app.auth", "basic,bearer",
                    "callflow.app.users", "bob:bob-secret,carol:carol-secret",
                    "callflow.app.tokens", ALICE_TOKEN + ":alice"));
    anonymous = new GmsClient("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stopIt() throws Exception {
    if (secured != null) {
      secured.close();
    }
  }

  @Test
  void withoutValidCredentialsAppsAreRefusedWith401() {
    Reply none = anonymous.post("/genesys/1/service/request-interaction");
    assertEquals(401, none.status(), none::toString);
    assertTrue(none.contentType().startsWith("application/problem+json"), none::toString);
    String challenge = none.header("WWW-Authenticate").orElse("");
    assertTrue(challenge.contains("Basic") && challenge.contains("Bearer"), challenge);

    assertEquals(
        401, basic("bob", "guess").post("/genesys/1/service/request-interaction").status());
    assertEquals(
        401, bearer("not-a-token").post("/genesys/1/service/request-interaction").status());
    Reply malformed =
        anonymous
            .withHeader("Authorization", "Basic !!!***")
            .post("/genesys/1/service/request-interaction");
    assertEquals(401, malformed.status(), "a header that is no credential: " + malformed);
    assertTrue(
        malformed.header("WWW-Authenticate").orElse("").contains("Basic"), malformed::toString);
    assertEquals(
        401,
        anonymous.withHeader("gms_user", "bob").get("/genesys/1/storage/anything").status(),
        "a gms_user header is no credential");
    String handshake =
        "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]}]";
    assertEquals(
        401, anonymous.postJson("/genesys/cometd/handshake", handshake).status(), "CometD too");
    assertEquals(
        200, bearer(ALICE_TOKEN).postJson("/genesys/cometd/handshake", handshake).status());
    assertEquals(200, anonymous.get("/health/ready").status(), "health stays open");
  }

  @Test
  void theAuthenticatedPrincipalOwnsWhatItCreates() {
    GmsClient alice = bearer(ALICE_TOKEN);
    GmsClient bob = basic("bob", "bob-secret");
    Reply created = alice.post("/genesys/1/service/request-interaction");
    assertEquals(200, created.status(), created::toString);
    String id = created.json().getString("_id");

    assertEquals(200, alice.get("/genesys/1/service/" + id).status());
    assertEquals(404, bob.get("/genesys/1/service/" + id).status(), "another app sees nothing");
    assertEquals(
        404,
        bob.withHeader("gms_user", "alice").get("/genesys/1/service/" + id).status(),
        "nor by naming the owner in gms_user");
    assertEquals(404, bob.delete("/genesys/1/service/" + id).status());
    assertEquals("ACCESS_ISSUED", alice.get("/genesys/1/service/" + id).json().getString("_state"));

    Reply stored = bob.postForm("/genesys/1/storage/600", Map.of("topic", "billing"));
    assertEquals(200, stored.status(), stored::toString);
    String data = stored.json().getString("id");
    assertEquals(200, bob.get("/genesys/1/storage/" + data).status());
    assertEquals(404, basic("carol", "carol-secret").get("/genesys/1/storage/" + data).status());

    assertEquals(200, alice.delete("/genesys/1/service/" + id).status());
  }

  private static GmsClient basic(String user, String password) {
    String encoded =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return anonymous.withHeader("Authorization", "Basic " + encoded);
  }

  private static GmsClient bearer(String token) {
    return anonymous.withHeader("Authorization", "Bearer " + token);
  }
}
