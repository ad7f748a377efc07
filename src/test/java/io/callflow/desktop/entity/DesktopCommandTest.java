package io.callflow.desktop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages to desktops are written as the contract says and read back strictly. */
class DesktopCommandTest {

  private static final JsonObject DATA = Json.createObjectBuilder().add("order", "42").build();

  @Test
  void reservedCarriesTheCustomerAndExpiry() {
    Reserved reserved =
        new Reserved(
            "s1",
            "a1",
            "request-inbound-delay",
            new Customer("+15551234567", DATA),
            Instant.parse("2026-01-01T10:00:00Z"));
    JsonObject json = reserved.toJson();
    assertEquals("+15551234567", json.getJsonObject("customer").getString("phone"));
    assertEquals("42", json.getJsonObject("customer").getJsonObject("data").getString("order"));
    assertEquals("2026-01-01T10:00:00Z", json.getString("expiresAt"));
    assertEquals(reserved, Reserved.fromJson(json.toString()));
  }

  @Test
  void offerWritesDialOnlyWhenThereIsANumber() {
    Offer inbound = new Offer("s1", "a1", Direction.INBOUND, Optional.empty(), DATA);
    assertFalse(inbound.toJson().containsKey("dial"));
    assertEquals(inbound, Offer.fromJson(inbound.toJson().toString()));
    Offer outbound = new Offer("s1", "a1", Direction.OUTBOUND, Optional.of("+15551234567"), DATA);
    assertEquals("+15551234567", outbound.toJson().getString("dial"));
    assertEquals(outbound, Offer.fromJson(outbound.toJson().toString()));
  }

  @Test
  void revokedCarriesTheReason() {
    Revoked revoked = new Revoked("s1", "a1", "customer cancelled");
    assertEquals(revoked, Revoked.fromJson(revoked.toJson().toString()));
  }

  @Test
  void readingNamesTheMissingOrInvalidField() {
    assertReason(
        "Reserved.customer: missing field 'phone'",
        () ->
            Reserved.fromJson(
                "{\"serviceId\":\"s1\",\"agentId\":\"a1\",\"flow\":\"f\",\"customer\":{\"data\":{}},"
                    + "\"expiresAt\":\"2026-01-01T10:00:00Z\"}"));
    assertReason(
        "Reserved: invalid field 'expiresAt'",
        () ->
            Reserved.fromJson(
                "{\"serviceId\":\"s1\",\"agentId\":\"a1\",\"flow\":\"f\","
                    + "\"customer\":{\"phone\":\"1\",\"data\":{}},\"expiresAt\":\"tomorrow\"}"));
    assertReason(
        "Offer: invalid field 'direction'",
        () ->
            Offer.fromJson(
                "{\"serviceId\":\"s1\",\"agentId\":\"a1\",\"direction\":\"SIDEWAYS\",\"data\":{}}"));
    assertReason(
        "Offer: missing field 'data'",
        () ->
            Offer.fromJson("{\"serviceId\":\"s1\",\"agentId\":\"a1\",\"direction\":\"INBOUND\"}"));
    assertReason(
        "Revoked: missing field 'reason'",
        () -> Revoked.fromJson("{\"serviceId\":\"s1\",\"agentId\":\"a1\"}"));
  }

  private static void assertReason(String expected, Runnable reading) {
    RejectedMessage rejected = assertThrows(RejectedMessage.class, reading::run);
    assertTrue(rejected.reason().startsWith(expected), rejected::reason);
  }
}
