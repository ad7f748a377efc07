package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.notification.entity.Push;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApnsClientTest {

  private static final String GMS_MESSAGE =
      "{\"_id\":\"9f1c-20\",\"_action\":\"ConfirmationDialog\"}";
  private static final String DEVICE_TOKEN =
      "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad";
  private static final String EVENT_ID = "3f2b8c1e-6d4a-4e2f-9a7b-5c1d0e9f8a76";
  private static final String KEY_ID = "ABC123DEFG";
  private static final String TEAM_ID = "DEF123GHIJ";
  private static final String TOPIC = "com.example.callflow";
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir static Path folder;
  private static ApnsStub stub;
  private static KeyPair signingKey;
  private static HttpClient http;

  private TestClock clock;
  private ApnsClient apns;

  @BeforeAll
  static void startStub() throws Exception {
    stub = new ApnsStub(folder);
    signingKey = TestCredentials.ecP256();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(PushProviderConfiguration.CONNECT_TIMEOUT)
            .sslContext(stub.clientTrust())
            .build();
  }

  @AfterAll
  static void stopStub() throws Exception {
    stub.close();
  }

  @BeforeEach
  void newClient() {
    stub.requests().clear();
    clock = new TestClock(START);
    apns = client(stub.endpoint());
  }

  @Test
  void sendsAlertOverHttp2WithProviderToken() throws Exception {
    apns.send(push(EVENT_ID, Map.of("apple.alertMessage.body", "Agent is available.")));

    StubRequest sent = stub.requests().get(0);
    assertEquals(1, stub.requests().size());
    assertEquals("HTTP/2.0", sent.protocol());
    assertEquals("POST", sent.method());
    assertEquals("/3/device/" + DEVICE_TOKEN, sent.path());
    assertEquals(TOPIC, sent.header("apns-topic"));
    assertEquals("alert", sent.header("apns-push-type"));
    assertEquals(EVENT_ID, sent.header("apns-id"));
    assertNull(sent.header("apns-priority"), "alerts go at APNs's default priority, 10");
    JsonObject body = sent.json();
    assertEquals(
        "Agent is available.", body.getJsonObject("aps").getJsonObject("alert").getString("body"));
    assertEquals(1, body.getJsonObject("aps").getInt("content-available"));
    assertEquals(GMS_MESSAGE, body.getString("message"), "message is GMS's JSON string, unchanged");
    assertEquals("9f1c-20", body.getString("_id"));
    assertEquals(3, body.size());
  }

  @Test
  void providerTokenIsAnEs256JwtOfTheTeamAndKey() throws Exception {
    apns.send(push(EVENT_ID, Map.of()));

    DecodedJwt token = DecodedJwt.parse(stub.requests().get(0).bearer("bearer"));
    assertEquals("ES256", token.header().getString("alg"));
    assertEquals(KEY_ID, token.header().getString("kid"));
    assertEquals(TEAM_ID, token.claims().getString("iss"));
    assertEquals(START.getEpochSecond(), token.claims().getJsonNumber("iat").longValue());
    assertEquals(64, token.signature().length, "R||S, not DER");
    assertTrue(token.verifiesWith(signingKey.getPublic()), "signed with the .p8 key");
  }

  @Test
  void alertWithoutTextGetsTheDefault() throws Exception {
    apns.send(push(EVENT_ID, Map.of()));

    JsonObject alert = stub.requests().get(0).json().getJsonObject("aps").getJsonObject("alert");
    assertEquals(ApnsClient.DEFAULT_ALERT_BODY, alert.getString("body"));
  }

  @Test
  void backgroundPushHasNoAlertAndLowPriority() throws Exception {
    apns.send(
        push(EVENT_ID, Map.of("apns.push-type", "background", "apple.alertMessage.body", "x")));

    StubRequest sent = stub.requests().get(0);
    assertEquals("background", sent.header("apns-push-type"));
    assertEquals("5", sent.header("apns-priority"));
    JsonObject aps = sent.json().getJsonObject("aps");
    assertEquals(1, aps.getInt("content-available"));
    assertFalse(aps.containsKey("alert"));
    assertEquals(GMS_MESSAGE, sent.json().getString("message"));
  }

  @Test
  void eventIdThatIsNoUuidIsNotSentAsApnsId() throws Exception {
    apns.send(push("ors.contact.12345678-1", Map.of()));

    assertNull(stub.requests().get(0).header("apns-id"));
  }

  @Test
  void providerTokenIsReusedFor50Minutes() throws Exception {
    apns.send(push(EVENT_ID, Map.of()));
    clock.advance(Duration.ofMinutes(49));
    apns.send(push(EVENT_ID, Map.of()));
    clock.advance(Duration.ofMinutes(2));
    apns.send(push(EVENT_ID, Map.of()));

    String first = stub.requests().get(0).bearer("bearer");
    assertEquals(first, stub.requests().get(1).bearer("bearer"));
    String renewed = stub.requests().get(2).bearer("bearer");
    assertNotEquals(first, renewed);
    assertEquals(
        START.plus(Duration.ofMinutes(51)).getEpochSecond(),
        DecodedJwt.parse(renewed).claims().getJsonNumber("iat").longValue());
  }

  @Test
  void badDeviceTokenIsPermanent() {
    stub.reply(new StubReply(400, "{\"reason\":\"BadDeviceToken\"}"));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> apns.send(push(EVENT_ID, Map.of())));

    assertTrue(failure.isPermanent());
    assertEquals("APNs answered 400: {\"reason\":\"BadDeviceToken\"}", failure.getMessage());
  }

  @Test
  void unregisteredDeviceIsPermanent() {
    stub.reply(new StubReply(410, "{\"reason\":\"Unregistered\",\"timestamp\":1772442000000}"));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> apns.send(push(EVENT_ID, Map.of())));

    assertTrue(failure.isPermanent());
    assertTrue(failure.getMessage().startsWith("APNs answered 410"), failure.getMessage());
    assertTrue(failure.getMessage().contains("Unregistered"), failure.getMessage());
  }

  @Test
  void refusedKeyIsPermanent() {
    stub.reply(new StubReply(403, "{\"reason\":\"InvalidProviderToken\"}"));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> apns.send(push(EVENT_ID, Map.of())));

    assertTrue(failure.isPermanent());
    assertEquals(1, stub.requests().size(), "a token APNs calls invalid is not tried again");
  }

  @Test
  void expiredProviderTokenIsRenewedOnce() throws Exception {
    stub.reply(new StubReply(403, "{\"reason\":\"ExpiredProviderToken\"}"));

    apns.send(push(EVENT_ID, Map.of()));

    assertEquals(2, stub.requests().size());
    assertNotEquals(
        stub.requests().get(0).bearer("bearer"), stub.requests().get(1).bearer("bearer"));
  }

  @Test
  void unavailableIsRetryable() {
    stub.reply(new StubReply(503, "{\"reason\":\"ServiceUnavailable\"}"));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> apns.send(push(EVENT_ID, Map.of())));

    assertFalse(failure.isPermanent());
    assertEquals("APNs answered 503: {\"reason\":\"ServiceUnavailable\"}", failure.getMessage());
  }

  @Test
  void tooManyRequestsIsRetryable() {
    stub.reply(new StubReply(429, "{\"reason\":\"TooManyRequests\"}"));

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> apns.send(push(EVENT_ID, Map.of())));

    assertFalse(failure.isPermanent());
  }

  @Test
  void unreachableProviderIsRetryable() throws Exception {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("https://127.0.0.1:" + socket.getLocalPort());
    }

    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> client(closed).send(push(EVENT_ID, Map.of())));

    assertFalse(failure.isPermanent());
  }

  @Test
  void deviceIdThatCannotBeATokenIsRefusedWithoutAsking() {
    Push push = new Push(EVENT_ID, "9f1c-20", "ios", "../../4/x", GMS_MESSAGE, Map.of(), null);

    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> apns.send(push));

    assertTrue(failure.isPermanent());
    assertTrue(stub.requests().isEmpty());
  }

  private ApnsClient client(URI endpoint) {
    return new ApnsClient(
        endpoint,
        TOPIC,
        new ApnsProviderTokens(KEY_ID, TEAM_ID, signingKey.getPrivate(), clock),
        http,
        PushProviderConfiguration.REQUEST_TIMEOUT);
  }

  private static Push push(String eventId, Map<String, String> properties) {
    return new Push(eventId, "9f1c-20", "ios", DEVICE_TOKEN, GMS_MESSAGE, properties, null);
  }
}
