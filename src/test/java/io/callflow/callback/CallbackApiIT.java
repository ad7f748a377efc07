package io.callflow.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GMS 8.5 Callback API as its mobile libraries and test suites drive it. */
class CallbackApiIT {

  private static final String BASE = "/genesys/1/service/callback";

  private final GmsClient gms = TestServer.gms();
  private final String queue = Fixtures.uniqueName("cbq");
  private final String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(2));

  @Test
  void availabilityCreateQueryRescheduleCancelAsTheClientsDo() {
    String service = callbackService("\"_capacity_per_bucket\":\"3\"");
    Instant now = Instant.now();
    JsonObject slots =
        gms.get(
                BASE
                    + "/"
                    + service
                    + "/availability?start="
                    + now
                    + "&end="
                    + now.plus(Duration.ofHours(1)))
            .json();
    assertFalse(slots.isEmpty(), slots::toString);
    List<String> times = List.copyOf(slots.keySet());
    for (String slot : times) {
      Instant.parse(slot); // ISO-8601 UTC keys
      assertEquals(3, ((JsonNumber) slots.get(slot)).intValue(), "integer free counts: " + slots);
    }
    String number = Fixtures.freshNumbers(1).get(0);
    String first = times.get(2);

    Reply created =
        gms.postJson(
            BASE + "/" + service,
            Json.createObjectBuilder()
                .add("_customer_number", number)
                .add("_desired_time", first)
                .add("first_name", "Ada")
                .build()
                .toString());
    assertEquals(200, created.status(), created::toString);
    String id = created.json().getString("_id");
    assertEquals(
        2,
        ((JsonNumber)
                gms.get(
                        BASE
                            + "/"
                            + service
                            + "/availability?start="
                            + first
                            + "&end="
                            + Instant.parse(first).plusSeconds(1))
                    .json()
                    .get(first))
            .intValue(),
        "the slot has one place less");

    JsonObject record = onlyRecord(gms.get(BASE + "?_id=" + id));
    allStrings(record);
    assertEquals("SCHEDULED", record.getString("_callback_state"));
    assertEquals(first, record.getString("_desired_time"));
    assertEquals(service, record.getString("_service_name"));
    assertEquals(number, record.getString("_customer_number"));
    assertEquals("Ada", record.getString("first_name"));
    Instant.parse(record.getString("_expiration_time"));

    JsonArray live =
        gms.get(
                BASE
                    + "?_customer_number="
                    + number.replace("+", "%2B")
                    + "&_callback_state=!COMPLETED")
            .jsonArray();
    assertEquals(List.of(id), ids(live));
    JsonArray byName =
        gms.get(BASE + "/" + service + "?operand=AND&first_name=Ada&_callback_state=SCHEDULED")
            .jsonArray();
    assertEquals(List.of(id), ids(byName));

    String later = times.get(4);
    Reply moved =
        gms.putJson(BASE + "/" + service + "/" + id, "{\"_new_desired_time\":\"" + later + "\"}");
    assertEquals(200, moved.status(), moved::toString);
    assertEquals(later, onlyRecord(gms.get(BASE + "?_id=" + id)).getString("_desired_time"));

    Reply cancelled = gms.deleteJson(BASE + "/" + service + "/" + id, "");
    assertEquals(200, cancelled.status(), cancelled::toString);
    JsonObject done = onlyRecord(gms.get(BASE + "?_id=" + id));
    assertEquals("COMPLETED", done.getString("_callback_state"));
    assertEquals("CANCELLED", done.getString("_callback_reason"));
    assertTrue(
        ids(gms.get(
                    BASE
                        + "?_customer_number="
                        + number.replace("+", "%2B")
                        + "&_callback_state=!COMPLETED")
                .jsonArray())
            .isEmpty());
  }

  @Test
  void immediateCallbacksAnswerTheirFlowsDialogs() {
    String service = callbackService("");
    JsonObject callMe = post(service, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)));
    assertEquals(
        Json.createObjectBuilder()
            .add("_id", callMe.getString("_id"))
            .add("_action", "ConfirmationDialog")
            .add("_text", "You will receive the call shortly")
            .add("_ok_title", "Ok")
            .add("_dialog_id", "0")
            .build(),
        callMe);

    JsonObject dial =
        post(
            service,
            Map.of(
                "_customer_number",
                Fixtures.freshNumbers(1).get(0),
                "_call_direction",
                "USERORIGINATED",
                "_wait_for_agent",
                "false"));
    assertEquals("DialNumber", dial.getString("_action"), dial::toString);
    assertTrue(dial.getString("_tel_url").startsWith("tel:+1888"), dial::toString);

    JsonObject waiting =
        post(
            service,
            Map.of(
                "_customer_number",
                Fixtures.freshNumbers(1).get(0),
                "_call_direction",
                "USERTERMINATED",
                "_wait_for_agent",
                "true",
                "_wait_for_user_confirm",
                "true"));
    assertEquals("ConfirmationDialog", waiting.getString("_action"));
    assertEquals(
        "QUEUED",
        onlyRecord(gms.get(BASE + "?_id=" + waiting.getString("_id")))
            .getString("_callback_state"));
  }

  @Test
  void theSamplesServiceIsThereOutOfTheBox() {
    JsonObject answer =
        post("samples", Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)));
    assertEquals("You will receive the call shortly", answer.getString("_text"));
    gms.delete(BASE + "/samples/" + answer.getString("_id"));
  }

  @Test
  void aThirdLiveCallbackForOneNumberIsRefused() {
    String service = callbackService("");
    String number = Fixtures.freshNumbers(1).get(0);
    post(service, Map.of("_customer_number", number));
    post(service, Map.of("_customer_number", number));
    Reply third = gms.postForm(BASE + "/" + service, Map.of("_customer_number", number));
    assertCallbackError(third, 400, "CallbackExceptionDuplicate");
  }

  @Test
  void throttlesPerServiceAndPerRequester() {
    String busy = callbackService("\"_throttle_max\":\"2\",\"_throttle_window\":\"600\"");
    post(busy, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)));
    post(busy, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)));
    Reply third =
        gms.postForm(
            BASE + "/" + busy, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)));
    assertCallbackError(third, 429, "CallbackExceptionThrottle");
    assertEquals("600", third.header("Retry-After").orElse(""));

    String guarded = callbackService("\"_throttle_immediate_max\":\"1\"");
    GmsClient mallory = gms.withHeader("gms_user", Fixtures.uniqueName("mallory"));
    assertEquals(
        200,
        mallory
            .postForm(
                BASE + "/" + guarded, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)))
            .status());
    assertCallbackError(
        mallory.postForm(
            BASE + "/" + guarded, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0))),
        429,
        "CallbackExceptionThrottle");
    GmsClient alice = gms.withHeader("gms_user", Fixtures.uniqueName("alice"));
    assertEquals(
        200,
        alice
            .postForm(
                BASE + "/" + guarded, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)))
            .status(),
        "another requester is not held back");
  }

  @Test
  void premiumRateAndImpossibleNumbersAreRefused() {
    String service = callbackService("");
    assertCallbackError(
        gms.postForm(BASE + "/" + service, Map.of("_customer_number", "+19005551234")),
        400,
        "CallbackExceptionNumber");
    assertCallbackError(
        gms.postForm(BASE + "/" + service, Map.of("_customer_number", "12")),
        400,
        "CallbackExceptionNumber");
    assertCallbackError(
        gms.postForm(BASE + "/" + service, Map.of()), 400, "CallbackExceptionNumber");
    assertCallbackError(
        gms.postForm(BASE + "/nothing-here", Map.of("_customer_number", "+14155550123")),
        400,
        "CallbackExceptionResource");
    assertCallbackError(
        gms.get(BASE + "?_id=" + java.util.UUID.randomUUID()), 400, "CallbackExceptionNotFound");
  }

  @Test
  void closedOfficeAndFullSlotsProposeOtherSlots() {
    // an office that opens two hours from now (UTC), for one hour
    LocalTime opens = LocalTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.HOURS);
    if (opens.isAfter(LocalTime.of(22, 0)) || opens.isBefore(LocalTime.of(2, 0))) {
      opens = LocalTime.of(2, 0);
    }
    String closedNow =
        callbackService(
            "\"_office_hours\":\""
                + opens
                + "-"
                + opens.plusHours(1)
                + "\",\"_capacity_per_bucket\":\"1\"");
    Reply immediate =
        gms.postForm(
            BASE + "/" + closedNow, Map.of("_customer_number", Fixtures.freshNumbers(1).get(0)));
    assertCallbackError(immediate, 400, "CallbackExceptionAvailability");
    JsonObject proposed = immediate.json().getJsonObject("availability");
    assertFalse(proposed.isEmpty(), immediate::toString);
    String slot = proposed.keySet().iterator().next();
    assertEquals(opens, Instant.parse(slot).atZone(ZoneOffset.UTC).toLocalTime());

    assertEquals(
        200,
        gms.postForm(
                BASE + "/" + closedNow,
                Map.of("_customer_number", Fixtures.freshNumbers(1).get(0), "_desired_time", slot))
            .status());
    Reply full =
        gms.postForm(
            BASE + "/" + closedNow,
            Map.of("_customer_number", Fixtures.freshNumbers(1).get(0), "_desired_time", slot));
    assertCallbackError(full, 400, "CallbackExceptionAvailability");
    assertFalse(
        full.json().getJsonObject("availability").containsKey(slot),
        "the full slot is not proposed");
  }

  private String callbackService(String extraOptions) {
    String options =
        "\"_queue\":\""
            + queue
            + "\",\"_resource_group\":\""
            + pool
            + "\",\"_provide_code\":\"true\""
            + (extraOptions.isEmpty() ? "" : "," + extraOptions);
    return Fixtures.service(gms, "cb", "callback", options);
  }

  private JsonObject post(String service, Map<String, String> form) {
    Reply created = gms.postForm(BASE + "/" + service, form);
    assertEquals(200, created.status(), created::toString);
    return created.json();
  }

  private static JsonObject onlyRecord(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    JsonArray records = reply.jsonArray();
    assertEquals(1, records.size(), reply::toString);
    return records.getJsonObject(0);
  }

  private static void allStrings(JsonObject record) {
    record.forEach(
        (key, value) ->
            assertEquals(JsonValue.ValueType.STRING, value.getValueType(), key + " in " + record));
  }

  private static List<String> ids(JsonArray records) {
    return records.stream()
        .map(r -> ((JsonString) r.asJsonObject().get("_id")).getString())
        .toList();
  }

  private static void assertCallbackError(Reply reply, int status, String exceptionEnding) {
    assertEquals(status, reply.status(), reply::toString);
    JsonObject problem = reply.json();
    assertEquals(status, problem.getInt("code"), "an integer code: " + problem);
    assertTrue(problem.getString("exception").endsWith(exceptionEnding), problem::toString);
    assertFalse(problem.getString("phrase").isBlank());
    assertFalse(problem.getString("message").isBlank());
  }
}
