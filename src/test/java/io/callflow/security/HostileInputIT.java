package io.callflow.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.JmsClient;
import io.callflow.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile input at every public endpoint and at the desktops' JMS queue, from a
 * seeded generator (set {@code -Dcallflow.hostile.seed} to replay a run): every answer is a 4xx
 * problem+json (or a 503 with Retry-After for an exhausted pool), never a 500, and a live booking
 * is never touched.
 */
class HostileInputIT {

  private static final long SEED = Long.getLong("callflow.hostile.seed", System.nanoTime());
  private static final int REQUESTS = 600;

  /** Values that have broken servers before: empty, huge, unicode, injections, wrong shapes. */
  private static final List<String> NASTY =
      List.of(
          "",
          " ",
          "null",
          "0",
          "-1",
          "99999999999999999999999",
          "1e309",
          "NaN",
          "true",
          "[]",
          "{}",
          "{\"a\":",
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "\"; DROP TABLE booking; --",
          "../../etc/passwd",
          "%00",
          "\u0000",
          "Ω≈ç√∫˜µ≤≥÷",
          "😀😀😀",
          "\u202Eevil",
          "\r\nX-Injected: yes",
          "${jndi:ldap://127.0.0.1/a}",
          "+1",
          "+19005551234",
          "2026-02-30T25:61:00Z",
          "tel:+18005550100",
          "a".repeat(70_000),
          "𝕏".repeat(5000));

  private static final List<String> FIELDS =
      List.of(
          "_phone_number",
          "_customer_number",
          "_access_number",
          "_access_code",
          "_id",
          "_provide_code",
          "_resource_group",
          "_booking_expiration_timeout",
          "_access_code_length",
          "_ttl",
          "_desired_time",
          "_device_notification_id",
          "_device_os",
          "_latitude",
          "_longitude",
          "_call_direction",
          "_wait_for_agent",
          "_new_desired_time",
          "_return_user_data",
          "subscriberId",
          "filter",
          "expire",
          "notificationDetails",
          "allocation",
          "numbers",
          "options",
          "flow",
          "bookingTimeoutSeconds",
          "location",
          "first_name");

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/x-www-form-urlencoded",
          "application/json",
          "multipart/form-data; boundary=XyZ",
          "multipart/form-data",
          "text/plain",
          "application/xml",
          "application/json; charset=ISO-8859-1");

  private final Random random = new Random(SEED);
  private final GmsClient gms = TestServer.gms();

  @Test
  void noEndpointAnswersHostileInputWithA500OrTouchesALiveBooking() {
    String pool = Fixtures.pool(gms, "LOCKING", 600, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(gms, pool, "\"_provide_code\":\"true\"");
    Reply booked = gms.post("/genesys/1/service/" + service);
    assertEquals(200, booked.status(), booked::toString);
    String id = booked.json().getString("_id");

    List<Function<String, String>> paths =
        List.of(
            s -> "/genesys/1/service/" + s,
            s -> "/genesys/1/service/request-interaction",
            s -> "/genesys/1/service/match-interaction",
            s -> "/genesys/1/service/request-access",
            s -> "/genesys/1/service/request-inbound-poll",
            s -> "/genesys/1/service/request-outbound-immediate",
            s -> "/genesys/1/service/" + s + "/" + s,
            s -> "/genesys/1/service/" + id + "/" + s,
            s -> "/genesys/1/storage/" + s,
            s -> "/genesys/1/storage/" + s + "/" + s,
            s -> "/genesys/1/notification/subscription",
            s -> "/genesys/1/service/callback/samples",
            s -> "/genesys/1/service/callback?_id=" + s,
            s -> "/genesys/1/service/callback/samples/availability?start=" + s + "&end=" + s,
            s -> "/genesys/1/service/callback/samples/" + s,
            s -> "/admin/pools/" + s,
            s -> "/admin/pools/" + pool + "/numbers",
            s -> "/admin/services/" + s,
            s -> "/admin/queues/" + s,
            s -> "/admin/agents/" + s);
    List<String> methods = List.of("GET", "POST", "PUT", "DELETE");
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String nasty = pick(NASTY);
      String segment =
          URLEncoder.encode(
              nasty.substring(0, Math.min(200, nasty.length())), StandardCharsets.UTF_8);
      String path = pick(paths).apply(segment.isEmpty() ? "x" : segment);
      String method = pick(methods);
      String contentType = pick(CONTENT_TYPES);
      byte[] body = body(contentType).getBytes(StandardCharsets.UTF_8);
      Reply reply = gms.send(method, path, contentType, body);
      // an encoded NUL in the path is refused by the HTTP layer itself, before any servlet: a bare
      // 400
      boolean refusedByTheHttpLayer = path.contains("%00") && reply.status() == 400;
      boolean fine =
          refusedByTheHttpLayer
              || (reply.status() < 500
                  ? reply.status() < 400
                      || reply.contentType().startsWith("application/problem+json")
                  : reply.status() == 503 && reply.header("Retry-After").isPresent());
      if (!fine) {
        failures.add(
            method
                + " "
                + path
                + " ["
                + contentType
                + "] "
                + shorten(new String(body, StandardCharsets.UTF_8), 300)
                + " → "
                + shorten(reply.toString(), 500));
      }
    }
    assertEquals(List.of(), failures, "seed " + SEED);
    Reply still = gms.get("/genesys/1/service/" + id);
    assertEquals(
        booked.json().getString("_access_number"),
        still.json().getString("_access_number", "gone"),
        "the live booking was not touched (seed " + SEED + ")");
  }

  @Test
  void hostileDesktopMessagesAreDeadLetteredAndTheConsumerCarriesOn() {
    JmsClient jms = TestServer.jms();
    List<String> types = List.of("AgentLogin", "AgentState", "CallResult", "Nonsense", "");
    for (int i = 0; i < 60; i++) {
      jms.send(Destinations.DESKTOP_IN, pick(types), random.nextBoolean() ? pick(NASTY) : json());
    }
    String agentId = Fixtures.uniqueName("after-the-storm");
    try (DesktopClient desktop = TestServer.desktop(agentId)) {
      desktop.logIn(List.of("default"), "5999");
      Eventually.await(
          agentId + " logged in after hostile messages",
          Duration.ofSeconds(60),
          () -> Optional.of(gms.get("/admin/agents/" + agentId)).filter(r -> r.status() == 200));
      desktop.logOut();
    }
    assertTrue(
        jms.receive(Destinations.DESKTOP_DEAD, Duration.ofSeconds(10)) != null,
        "rejected messages are dead-lettered");
    jms.close();
  }

  private String body(String contentType) {
    if (contentType.startsWith("application/json")) {
      return random.nextInt(4) == 0 ? pick(NASTY) : json();
    }
    if (contentType.startsWith("multipart")) {
      return "--XyZ\r\nContent-Disposition: form-data; name=\""
          + pick(FIELDS)
          + "\"\r\n\r\n"
          + pick(NASTY)
          + (random.nextBoolean() ? "\r\n--XyZ--\r\n" : "");
    }
    StringBuilder form = new StringBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      form.append(random.nextInt(5) == 0 ? pick(NASTY) : pick(FIELDS))
          .append('=')
          .append(URLEncoder.encode(pick(NASTY), StandardCharsets.UTF_8))
          .append('&');
    }
    return form.toString();
  }

  /** A JSON object of known and unknown fields with values of every type, nested now and then. */
  private String json() {
    StringBuilder json = new StringBuilder("{");
    for (int i = random.nextInt(6); i > 0; i--) {
      json.append('"')
          .append(escape(random.nextInt(4) == 0 ? pick(NASTY) : pick(FIELDS)))
          .append("\":")
          .append(value(2));
      if (i > 1) {
        json.append(',');
      }
    }
    return json.append('}').toString();
  }

  private String value(int depth) {
    return switch (random.nextInt(depth > 0 ? 7 : 5)) {
      case 0 -> "\"" + escape(pick(NASTY)) + "\"";
      case 1 -> String.valueOf(random.nextLong());
      case 2 -> String.valueOf(random.nextDouble() * 1e12);
      case 3 -> random.nextBoolean() ? "true" : "null";
      case 4 -> "\"" + escape(pick(FIELDS)) + "\"";
      case 5 -> "[" + value(depth - 1) + "," + value(depth - 1) + "]";
      default -> "{\"" + escape(pick(FIELDS)) + "\":" + value(depth - 1) + "}";
    };
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "…";
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
