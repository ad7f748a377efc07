package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.notification.entity.Push;
import io.callflow.notification.entity.ServiceAccount;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FcmClientTest {

  private static final String GMS_MESSAGE =
      "{\"_id\":\"2b2e-7f\",\"_action\":\"ConfirmationDialog\"}";
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private static KeyPair accountKey;

  @TempDir Path folder;
  private FcmStub stub;
  private TestClock clock;
  private FcmClient fcm;

  @BeforeAll
  static void generateKey() throws Exception {
    accountKey = TestCredentials.rsa();
  }

  @BeforeEach
  void startStub() throws Exception {
    stub = new FcmStub();
    clock = new TestClock(START);
    fcm = client(stub.endpoint(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stopStub() {
    stub.close();
  }

  @Test
  void sendsGmsMessageAsDataMessageWithBearerToken() throws Exception {
    fcm.send(push("c3d1f6a0-5b7e-4a51-9d0e-1f2a3b4c5d6e", "fNZ0:APA91bH-registration-token"));

    StubRequest sent = single(stub.sendRequests().size(), stub.sendRequests().get(0));
    assertEquals("POST", sent.method());
    assertEquals("/v1/projects/callflow-test/messages:send", sent.path());
    assertEquals(FcmStub.issuedToken(1), sent.bearer("Bearer"));
    assertTrue(
        sent.header("content-type").startsWith("application/json"), sent.header("content-type"));
    JsonObject message = sent.json().getJsonObject("message");
    assertEquals("fNZ0:APA91bH-registration-token", message.getString("token"));
    JsonObject data = message.getJsonObject("data");
    assertEquals(
        GMS_MESSAGE, data.getString("message"), "data.message is GMS's JSON string, unchanged");
    assertEquals("2b2e-7f", data.getString("_id"));
    assertEquals("c3d1f6a0-5b7e-4a51-9d0e-1f2a3b4c5d6e", data.getString("event_id"));
    assertEquals(3, data.size());
    assertEquals(2, message.size());
  }

  @Test
  void exchangesSignedAssertionForAccessToken() throws Exception {
    fcm.send(push("e-1", "device"));

    StubRequest exchange = single(stub.tokenRequests().size(), stub.tokenRequests().get(0));
    assertEquals("POST", exchange.method());
    assertEquals("application/x-www-form-urlencoded", exchange.header("content-type"));
    Map<String, String> form = form(exchange.body());
    assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", form.get("grant_type"));
    DecodedJwt assertion = DecodedJwt.parse(form.get("assertion"));
    assertTrue(assertion.verifiesWith(accountKey.getPublic()), "signed with the account's key");
    assertEquals("RS256", assertion.header().getString("alg"));
    assertEquals(TestCredentials.PRIVATE_KEY_ID, assertion.header().getString("kid"));
    JsonObject claims = assertion.claims();
    assertEquals(TestCredentials.CLIENT_EMAIL, claims.getString("iss"));
    assertEquals("https://www.googleapis.com/auth/firebase.messaging", claims.getString("scope"));
    assertEquals(stub.tokenUri().toString(), claims.getString("aud"));
    assertEquals(START.getEpochSecond(), claims.getJsonNumber("iat").longValue());
    assertEquals(START.getEpochSecond() + 3600, claims.getJsonNumber("exp").longValue());
  }

  @Test
  void twoPushesShareOneTokenExchange() throws Exception {
    fcm.send(push("e-1", "device"));
    clock.advance(Duration.ofMinutes(30));
    fcm.send(push("e-2", "device"));

    assertEquals(1, stub.tokenRequests().size());
    assertEquals(2, stub.sendRequests().size());
    assertEquals(FcmStub.issuedToken(1), stub.sendRequests().get(1).bearer("Bearer"));
  }

  @Test
  void simultaneousFirstPushesShareOneTokenExchange() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Push push = push("e-" + i, "device-" + i);
        sent.add(
            senders.submit(
                () -> {
                  fcm.send(push);
                  return null;
                }));
      }
      for (Future<?> each : sent) {
        each.get(10, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }

    assertEquals(1, stub.tokenRequests().size());
    assertEquals(4, stub.sendRequests().size());
  }

  @Test
  void tokenIsRenewedShortlyBeforeItExpires() throws Exception {
    fcm.send(push("e-1", "device"));
    clock.advance(Duration.ofSeconds(3599).minusSeconds(30)); // within the renewal margin
    fcm.send(push("e-2", "device"));

    assertEquals(2, stub.tokenRequests().size());
    assertEquals(FcmStub.issuedToken(2), stub.sendRequests().get(1).bearer("Bearer"));
  }

  @Test
  void unregisteredDeviceIsPermanent() {
    stub.replyToSend(new StubReply(404, fcmError(404, "NOT_FOUND", "UNREGISTERED")));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> fcm.send(push("e-1", "gone")));

    assertTrue(failure.isPermanent());
    assertTrue(failure.getMessage().startsWith("FCM answered 404"), failure.getMessage());
    assertTrue(failure.getMessage().contains("UNREGISTERED"), failure.getMessage());
  }

  @Test
  void invalidTokenIsPermanent() {
    stub.replyToSend(new StubReply(400, fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT")));

    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> fcm.send(push("e-1", "x")));

    assertTrue(failure.isPermanent());
    assertTrue(failure.getMessage().contains("INVALID_ARGUMENT"), failure.getMessage());
  }

  @Test
  void unavailableIsRetryableWithStatusAndBody() {
    stub.replyToSend(new StubReply(503, fcmError(503, "UNAVAILABLE", "UNAVAILABLE")));

    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> fcm.send(push("e-1", "d")));

    assertFalse(failure.isPermanent());
    assertTrue(failure.getMessage().startsWith("FCM answered 503: {"), failure.getMessage());
    assertTrue(failure.getMessage().contains("\"status\": \"UNAVAILABLE\""), failure.getMessage());
  }

  @Test
  void quotaExceededIsRetryable() {
    stub.replyToSend(new StubReply(429, fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED")));

    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> fcm.send(push("e-1", "d")));

    assertFalse(failure.isPermanent());
  }

  @Test
  void refusedTokenIsRenewedOnceAndThePushGoesThrough() throws Exception {
    stub.replyToSend(new StubReply(401, fcmError(401, "UNAUTHENTICATED", null)));

    fcm.send(push("e-1", "device"));

    assertEquals(2, stub.tokenRequests().size());
    assertEquals(FcmStub.issuedToken(2), stub.sendRequests().get(1).bearer("Bearer"));
  }

  @Test
  void tokenRefusedTwiceIsPermanent() {
    stub.replyToSend(
        new StubReply(403, fcmError(403, "PERMISSION_DENIED", null)),
        new StubReply(403, fcmError(403, "PERMISSION_DENIED", null)));

    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> fcm.send(push("e-1", "d")));

    assertTrue(failure.isPermanent());
    assertTrue(failure.getMessage().startsWith("FCM answered 403"), failure.getMessage());
    assertEquals(2, stub.sendRequests().size(), "one retry with a new token, no more");
  }

  @Test
  void credentialsTheTokenEndpointRefusesArePermanent() {
    stub.replyToToken(
        new StubReply(
            400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));

    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> fcm.send(push("e-1", "d")));

    assertTrue(failure.isPermanent());
    assertTrue(
        failure.getMessage().startsWith("FCM token endpoint answered 400"), failure.getMessage());
    assertTrue(failure.getMessage().contains("invalid_grant"), failure.getMessage());
    assertTrue(stub.sendRequests().isEmpty());
  }

  @Test
  void tokenEndpointDownIsRetryable() {
    stub.replyToToken(new StubReply(502, "Bad Gateway"));

    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> fcm.send(push("e-1", "d")));

    assertFalse(failure.isPermanent());
  }

  @Test
  void unreachableProviderIsRetryable() throws Exception {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    FcmClient unreachable = client(closed, Duration.ofSeconds(5));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> unreachable.send(push("e-1", "d")));

    assertFalse(failure.isPermanent());
    assertTrue(failure.getMessage().startsWith("FCM could not be reached"), failure.getMessage());
  }

  @Test
  void slowProviderIsRetryable() throws Exception {
    stub.stall();
    FcmClient impatient = client(stub.endpoint(), Duration.ofMillis(300));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> impatient.send(push("e-1", "d")));

    assertFalse(failure.isPermanent());
    assertTrue(failure.getMessage().startsWith("FCM did not answer in time"), failure.getMessage());
  }

  private FcmClient client(URI sendEndpoint, Duration requestTimeout) throws IOException {
    Path file =
        TestCredentials.serviceAccountFile(folder, accountKey.getPrivate(), stub.tokenUri());
    ServiceAccount account = ServiceAccount.parse(Files.readString(file));
    var http = new PushProviderConfiguration().httpClient();
    return new FcmClient(
        sendEndpoint,
        "callflow-test",
        new GoogleAccessTokens(account, http, requestTimeout, clock),
        http,
        requestTimeout);
  }

  private static Push push(String eventId, String deviceId) {
    return new Push(eventId, "2b2e-7f", "fcm", deviceId, GMS_MESSAGE, Map.of(), null);
  }

  private static StubRequest single(int count, StubRequest first) {
    assertEquals(1, count);
    return first;
  }

  private static Map<String, String> form(String body) {
    return Arrays.stream(body.split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }

  /** FCM v1's error body; {@code fcmCode} goes into an FcmError detail when given. */
  static String fcmError(int code, String status, String fcmCode) {
    String details =
        fcmCode == null
            ? ""
            : ",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                + "\"errorCode\":\""
                + fcmCode
                + "\"}]";
    return "{\n  \"error\": {\n    \"code\": "
        + code
        + ",\n    \"message\": \"test\",\n    \"status\": \""
        + status
        + "\""
        + details
        + "\n  }\n}\n";
  }
}
