package io.callflow.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.AgentStates;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The desktop page's bridge over HTTP: an agent signs in with an account of its own, acts only as
 * itself, and every change needs the session's token.
 */
class DesktopBridgeIT {

  private static final String AGENT = "desk-it";
  private static final String PASSWORD = "desk-it-secret";

  private final GmsClient admin = TestServer.gms();
  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void aWrongPasswordOrAnUnknownAgentIsRefused() {
    assertEquals(401, signIn(AGENT, "wrong").statusCode());
    assertEquals(401, signIn("nobody", PASSWORD).statusCode());
    // the administrator is no agent
    assertEquals(401, signIn("admin", TestServer.ADMIN_PASSWORD).statusCode());
    HttpResponse<String> unsigned = send("GET", "/api/desktop/events", null, null);
    assertEquals(401, unsigned.statusCode());
    assertTrue(unsigned.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
  }

  @Test
  void aSignedInAgentLogsInAndGoesReadyAsItselfWhateverTheBodySays() {
    String token = token(signIn(AGENT, PASSWORD));
    HttpResponse<String> login =
        send(
            "POST",
            "/api/desktop/messages/AgentLogin",
            "{\"agentId\":\"someone-else\",\"queues\":[\"default\"],\"extension\":\"7001\"}",
            token);
    assertEquals(202, login.statusCode(), login.body());
    AgentStates.await(admin, AGENT, "NOT_READY", Duration.ofSeconds(30));
    assertEquals(404, admin.get("/admin/agents/someone-else").status());

    assertEquals(
        202,
        send("POST", "/api/desktop/messages/AgentState", "{\"state\":\"READY\"}", token)
            .statusCode());
    AgentStates.await(admin, AGENT, "READY", Duration.ofSeconds(30));
    assertEquals(
        202,
        send("POST", "/api/desktop/messages/AgentState", "{\"state\":\"LOGOUT\"}", token)
            .statusCode());
    AgentStates.await(admin, AGENT, "LOGOUT", Duration.ofSeconds(30));
  }

  @Test
  void aChangeWithoutThePagesTokenIsRefused() {
    String token = token(signIn(AGENT, PASSWORD));
    String ready = "{\"state\":\"READY\"}";
    assertEquals(403, send("POST", "/api/desktop/messages/AgentState", ready, null).statusCode());
    assertEquals(
        403, send("POST", "/api/desktop/messages/AgentState", ready, token + "x").statusCode());
    // a form, which any site can post, is not a body the bridge takes
    HttpResponse<String> form =
        exchange(
            request("/api/desktop/messages/AgentState")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("state=READY")));
    assertEquals(415, form.statusCode());
  }

  @Test
  void anInvalidMessageIsABadRequestNamingTheProblem() {
    String token = token(signIn(AGENT, PASSWORD));
    HttpResponse<String> refused =
        send("POST", "/api/desktop/messages/AgentState", "{\"state\":\"ON_BREAK\"}", token);
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("ON_BREAK"), refused.body());
    assertEquals(400, send("POST", "/api/desktop/messages/Reserved", "{}", token).statusCode());
  }

  @Test
  void signingOutEndsTheSession() {
    String token = token(signIn(AGENT, PASSWORD));
    assertEquals(200, send("GET", "/api/desktop/session", null, null).statusCode());
    assertEquals(204, send("DELETE", "/api/desktop/session", null, token).statusCode());
    assertEquals(401, send("GET", "/api/desktop/session", null, null).statusCode());
    assertFalse(
        send("POST", "/api/desktop/messages/AgentState", "{\"state\":\"READY\"}", token)
                .statusCode()
            < 400);
  }

  private HttpResponse<String> signIn(String agentId, String password) {
    return send(
        "POST",
        "/api/desktop/session",
        Json.createObjectBuilder()
            .add("agentId", agentId)
            .add("password", password)
            .build()
            .toString(),
        null);
  }

  private static String token(HttpResponse<String> signedIn) {
    assertEquals(200, signedIn.statusCode(), signedIn.body());
    JsonObject answer = Json.createReader(new StringReader(signedIn.body())).readObject();
    assertEquals(AGENT, answer.getString("agentId"));
    return answer.getString("csrfToken");
  }

  private HttpResponse<String> send(String method, String path, String json, String token) {
    HttpRequest.Builder request = request(path);
    if (token != null) {
      request.header("X-CSRF-Token", token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return exchange(
        request.method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(TestServer.stack().baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", path.endsWith("/events") ? "text/event-stream" : "application/json");
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
