package io.callflow.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pools' admin API over HTTP. The server and database are shared with every other test of the
 * run, so each test makes pools and numbers of its own and only reads the seeded ones.
 */
class PoolAdminIT {

  private static final String POOLS = "/admin/pools";
  private static final String PROBLEM = "application/problem+json";

  /** Numbers no seed or other test uses: +1 646 and a run-unique tail. */
  private static final AtomicLong NEXT_NUMBER =
      new AtomicLong(ThreadLocalRandom.current().nextLong(9_000_000));

  private final GmsClient gms = TestServer.gms();

  @Test
  void seededDnisPoolHasTwentyLockingNumbers() {
    JsonObject dnis = ok(gms.get(POOLS + "/DNIS"));
    assertEquals("LOCKING", dnis.getString("allocation"));
    assertEquals(20, dnis.getJsonArray("numbers").size());
    assertEquals(20, dnis.getJsonObject("utilisation").getInt("numbers"));
    assertFalse(dnis.containsKey("location"));
    JsonObject paris = ok(gms.get(POOLS + "/PARIS"));
    assertEquals(50, paris.getJsonObject("location").getJsonNumber("radiusKm").doubleValue());
  }

  @Test
  void aPostThatIsNotJsonIsRefusedSoNoOtherSiteCanSendOne() {
    String name = poolName();
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
      Reply refused =
          gms.send(
              "POST",
              POOLS,
              type,
              ("{\"name\":\"" + name + "\",\"allocation\":\"LOCKING\"}")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(415, refused.status(), refused::toString);
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
    }
    assertEquals(404, gms.get(POOLS + "/" + name).status(), "nothing created");
  }

  @Test
  void createdPoolIsListedAndReadBack() {
    String name = poolName();
    String first = number();
    String second = number();
    Reply created =
        gms.postJson(
            POOLS,
            "{\"name\":\""
                + name
                + "\",\"allocation\":\"SHARED\",\"choice\":\"ROUND_ROBIN\","
                + "\"bookingTimeoutSeconds\":90,"
                + "\"location\":{\"latitude\":40.7128,\"longitude\":-74.006,\"radiusKm\":25},"
                + "\"numbers\":[\""
                + second
                + "\",\""
                + first
                + "\"]}");
    assertEquals(201, created.status(), created::toString);
    JsonObject pool = created.json();
    assertEquals(name, pool.getString("name"));
    assertEquals("SHARED", pool.getString("allocation"));
    assertEquals("ROUND_ROBIN", pool.getString("choice"));
    assertEquals(90, pool.getInt("bookingTimeoutSeconds"));
    assertEquals(40.7128, pool.getJsonObject("location").getJsonNumber("latitude").doubleValue());
    assertEquals(-74.006, pool.getJsonObject("location").getJsonNumber("longitude").doubleValue());
    assertEquals(25, pool.getJsonObject("location").getJsonNumber("radiusKm").doubleValue());
    assertEquals(List.of(first, second), numbers(pool));
    assertEquals(0, pool.getJsonObject("utilisation").getInt("liveBookings"));
    assertEquals(2, pool.getJsonObject("utilisation").getInt("numbers"));
    assertEquals(0, pool.getJsonObject("utilisation").getJsonNumber("ratio").doubleValue());

    assertEquals(pool, ok(gms.get(POOLS + "/" + name)));
    Reply list = gms.get(POOLS);
    assertEquals(200, list.status(), list::toString);
    List<String> names =
        array(list).getValuesAs(JsonObject.class).stream().map(p -> p.getString("name")).toList();
    assertTrue(names.containsAll(List.of("DNIS", "SHARED", "PARIS", name)), names::toString);
  }

  @Test
  void poolWithoutChoiceTimeoutOrNumbersGetsDefaults() {
    String name = poolName();
    JsonObject pool =
        created(gms.postJson(POOLS, "{\"name\":\"" + name + "\",\"allocation\":\"LOCKING\"}"));
    assertEquals("RANDOM", pool.getString("choice"));
    assertEquals(30, pool.getInt("bookingTimeoutSeconds"));
    assertEquals(List.of(), numbers(pool));
    assertFalse(pool.containsKey("location"));
  }

  @Test
  void secondPoolWithTheSameNameIsAConflict() {
    String name = poolName();
    created(gms.postJson(POOLS, "{\"name\":\"" + name + "\",\"allocation\":\"LOCKING\"}"));
    Reply again = gms.postJson(POOLS, "{\"name\":\"" + name + "\",\"allocation\":\"SHARED\"}");
    assertProblem(409, "name", again);
    assertEquals("LOCKING", ok(gms.get(POOLS + "/" + name)).getString("allocation"));
  }

  @Test
  void addingTheSameNumbersTwiceKeepsTheCount() {
    String name = createPool();
    String body = numbersBody(number(), number(), number());
    assertEquals(3, numbers(ok(gms.postJson(POOLS + "/" + name + "/numbers", body))).size());
    assertEquals(3, numbers(ok(gms.postJson(POOLS + "/" + name + "/numbers", body))).size());
    assertEquals(3, ok(gms.get(POOLS + "/" + name)).getJsonObject("utilisation").getInt("numbers"));
  }

  @Test
  void nationalNumbersAreStoredInE164() {
    String name = createPool();
    String number = number(); // +1646 and seven digits
    String national =
        "(" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-" + number.substring(8);
    assertEquals(List.of(number), numbers(ok(addNumbers(name, national))));
    // the same number written either way is one number
    assertEquals(List.of(number), numbers(ok(addNumbers(name, number))));
  }

  @Test
  void numberOfAnotherPoolIsAConflictNamingIt() {
    String name = createPool();
    String mine = number();
    Reply taken = addNumbers(name, mine, "+18005550100");
    JsonObject problem = assertProblem(409, "numbers[1]", taken);
    assertTrue(problem.getString("detail").contains("+18005550100"), taken::toString);
    assertTrue(problem.getString("detail").contains("DNIS"), taken::toString);
    // nothing of the refused request was kept, and the number stayed where it was
    assertEquals(List.of(), numbers(ok(gms.get(POOLS + "/" + name))));
    assertTrue(numbers(ok(gms.get(POOLS + "/DNIS"))).contains("+18005550100"));

    String refused = poolName();
    Reply onCreate =
        gms.postJson(
            POOLS,
            "{\"name\":\""
                + refused
                + "\",\"allocation\":\"LOCKING\","
                + "\"numbers\":[\"+18005550101\"]}");
    assertProblem(409, "numbers[0]", onCreate);
    assertProblem(404, null, gms.get(POOLS + "/" + refused));
  }

  @Test
  void removingNumbersIsIdempotent() {
    String name = createPool();
    String kept = number();
    String removed = number();
    ok(addNumbers(name, kept, removed));
    String body = numbersBody(removed, number());
    assertEquals(List.of(kept), numbers(ok(gms.deleteJson(POOLS + "/" + name + "/numbers", body))));
    assertEquals(List.of(kept), numbers(ok(gms.deleteJson(POOLS + "/" + name + "/numbers", body))));
  }

  @Test
  void putCreatesThenReplacesTheConfigurationAndAddsNumbers() {
    String name = poolName();
    String first = number();
    String second = number();
    JsonObject created =
        ok(
            gms.putJson(
                POOLS + "/" + name,
                "{\"allocation\":\"LOCKING\",\"bookingTimeoutSeconds\":45,"
                    + "\"location\":{\"latitude\":1,\"longitude\":2,\"radiusKm\":3},"
                    + "\"numbers\":[\""
                    + first
                    + "\"]}"));
    assertEquals(45, created.getInt("bookingTimeoutSeconds"));
    assertEquals(List.of(first), numbers(created));

    JsonObject replaced =
        ok(
            gms.putJson(
                POOLS + "/" + name,
                "{\"name\":\""
                    + name
                    + "\",\"allocation\":\"SHARED\","
                    + "\"choice\":\"ROUND_ROBIN\",\"numbers\":[\""
                    + second
                    + "\",\""
                    + first
                    + "\"]}"));
    assertEquals("SHARED", replaced.getString("allocation"));
    assertEquals("ROUND_ROBIN", replaced.getString("choice"));
    assertEquals(30, replaced.getInt("bookingTimeoutSeconds"));
    assertFalse(replaced.containsKey("location"), replaced::toString);
    assertEquals(List.of(first, second).stream().sorted().toList(), numbers(replaced));

    JsonObject withoutNumbers = ok(gms.putJson(POOLS + "/" + name, "{\"allocation\":\"SHARED\"}"));
    assertEquals(2, numbers(withoutNumbers).size());
  }

  @Test
  void deletedPoolIsGoneAndItsNumbersAreFree() {
    String name = createPool();
    String number = number();
    ok(addNumbers(name, number));
    assertEquals(name, ok(gms.delete(POOLS + "/" + name)).getString("name"));
    assertProblem(404, null, gms.get(POOLS + "/" + name));
    assertProblem(404, null, gms.delete(POOLS + "/" + name));

    String other = createPool();
    assertEquals(List.of(number), numbers(ok(addNumbers(other, number))));
  }

  @Test
  void liveBookingCountsAndBlocksRemovingItsNumberAndDeletingThePool() throws SQLException {
    String name = createPool();
    String booked = number();
    String free = number();
    String expired = number();
    ok(addNumbers(name, booked, free, expired));
    String booking = book(name, booked, Instant.now().plus(Duration.ofMinutes(10)));
    book(name, expired, Instant.now().minus(Duration.ofSeconds(1)));

    JsonObject utilisation = ok(gms.get(POOLS + "/" + name)).getJsonObject("utilisation");
    assertEquals(1, utilisation.getInt("liveBookings"));
    assertEquals(0.3333, utilisation.getJsonNumber("ratio").doubleValue());

    Reply refused = removeNumbers(name, free, booked);
    assertProblem(409, "numbers[1]", refused);
    assertEquals(3, numbers(ok(gms.get(POOLS + "/" + name))).size());
    assertProblem(409, "name", gms.delete(POOLS + "/" + name));
    // an expired booking holds nothing
    assertEquals(2, numbers(ok(removeNumbers(name, expired))).size());

    endBooking(booking);
    assertEquals(List.of(free), numbers(ok(removeNumbers(name, booked))));
    ok(gms.delete(POOLS + "/" + name));
  }

  @Test
  void unknownPoolIsNotFound() {
    String name = poolName();
    assertProblem(404, null, gms.get(POOLS + "/" + name));
    assertProblem(404, null, gms.postJson(POOLS + "/" + name + "/numbers", numbersBody(number())));
    assertProblem(
        404, null, gms.deleteJson(POOLS + "/" + name + "/numbers", numbersBody(number())));
  }

  static Stream<Arguments> invalidPools() {
    String name = "\"name\":\"valid-" + UUID.randomUUID().toString().substring(0, 8) + "\"";
    return Stream.of(
        Arguments.of("{\"name\":\"no spaces\",\"allocation\":\"LOCKING\"}", "name"),
        Arguments.of("{\"allocation\":\"LOCKING\"}", "name"),
        Arguments.of("{" + name + ",\"allocation\":\"EXCLUSIVE\"}", "allocation"),
        Arguments.of("{" + name + "}", "allocation"),
        Arguments.of(locking(name, "\"choice\":\"FIRST_FREE\""), "choice"),
        Arguments.of(locking(name, "\"bookingTimeoutSeconds\":4"), "bookingTimeoutSeconds"),
        Arguments.of(locking(name, "\"bookingTimeoutSeconds\":1801"), "bookingTimeoutSeconds"),
        Arguments.of(located(name, 90.5, 0, 1), "location.latitude"),
        Arguments.of(located(name, 0, -180.5, 1), "location.longitude"),
        Arguments.of(located(name, 0, 0, 0), "location.radiusKm"),
        Arguments.of(locking(name, "\"numbers\":[\"+16465550100\",\"call me\"]"), "numbers[1]"),
        Arguments.of("{" + name + ",\"allocation\":", "body"),
        Arguments.of("[]", "body"));
  }

  @ParameterizedTest
  @MethodSource("invalidPools")
  void invalidPoolIsABadRequestNamingTheField(String body, String field) {
    JsonObject problem = assertProblem(400, field, gms.postJson(POOLS, body));
    assertEquals(400, problem.getInt("status"));
  }

  @Test
  void invalidNumbersAreBadRequestsNamingTheField() {
    String name = createPool();
    JsonObject problem = assertProblem(400, "numbers[0]", addNumbers(name, "555"));
    assertTrue(
        problem
            .getJsonArray("invalid_params")
            .getJsonObject(0)
            .getString("reason")
            .contains("'555'"));
    assertProblem(400, "numbers", gms.postJson(POOLS + "/" + name + "/numbers", "{}"));
    assertProblem(
        400,
        "numbers",
        gms.deleteJson(POOLS + "/" + name + "/numbers", "{\"numbers\":\"+16465550100\"}"));
    assertProblem(
        400,
        "name",
        gms.putJson(POOLS + "/" + name, "{\"name\":\"other\",\"allocation\":\"LOCKING\"}"));
  }

  private Reply addNumbers(String pool, String... numbers) {
    return gms.postJson(POOLS + "/" + pool + "/numbers", numbersBody(numbers));
  }

  private Reply removeNumbers(String pool, String... numbers) {
    return gms.deleteJson(POOLS + "/" + pool + "/numbers", numbersBody(numbers));
  }

  private String createPool() {
    String name = poolName();
    created(gms.postJson(POOLS, "{\"name\":\"" + name + "\",\"allocation\":\"LOCKING\"}"));
    return name;
  }

  private static String poolName() {
    return "it-pool-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String number() {
    return String.format("+1646%07d", NEXT_NUMBER.getAndIncrement() % 10_000_000);
  }

  private static String numbersBody(String... numbers) {
    return Json.createObjectBuilder()
        .add("numbers", Json.createArrayBuilder(List.of(numbers)))
        .build()
        .toString();
  }

  private static String locking(String name, String member) {
    return "{" + name + ",\"allocation\":\"LOCKING\"," + member + "}";
  }

  private static String located(String name, double latitude, double longitude, double radiusKm) {
    return "{"
        + name
        + ",\"allocation\":\"LOCKING\",\"location\":{\"latitude\":"
        + latitude
        + ",\"longitude\":"
        + longitude
        + ",\"radiusKm\":"
        + radiusKm
        + "}}";
  }

  private static JsonObject ok(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
    return reply.json();
  }

  private static JsonObject created(Reply reply) {
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  /** Asserts a problem+json answer with {@code status} naming {@code field} (when not null). */
  private static JsonObject assertProblem(int status, String field, Reply reply) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals(PROBLEM, reply.contentType(), reply::toString);
    JsonObject problem = reply.json();
    if (field != null) {
      JsonArray invalid = problem.getJsonArray("invalid_params");
      assertTrue(
          invalid.getValuesAs(JsonObject.class).stream()
              .anyMatch(p -> field.equals(p.getString("name"))),
          reply::toString);
    }
    return problem;
  }

  private static List<String> numbers(JsonObject pool) {
    return pool.getJsonArray("numbers").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static JsonArray array(Reply reply) {
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      return reader.readArray();
    }
  }

  /**
   * Writes the row an allocator writes when it books a number: the allocation API is not here yet.
   */
  private static String book(String pool, String number, Instant expiresAt) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection db = database();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO booking (id, number, pool_name, locking, service_id, booked_at, expires_at)"
                    + " VALUES (?, ?, ?, true, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, number);
      insert.setString(3, pool);
      insert.setString(4, UUID.randomUUID().toString());
      insert.setTimestamp(5, Timestamp.from(Instant.now()));
      insert.setTimestamp(6, Timestamp.from(expiresAt));
      insert.executeUpdate();
    }
    return id;
  }

  private static void endBooking(String id) throws SQLException {
    try (Connection db = database();
        PreparedStatement end =
            db.prepareStatement(
                "UPDATE booking SET active = false, ended_at = now(), end_reason = 'CANCELLED'"
                    + " WHERE id = ?")) {
      end.setString(1, id);
      end.executeUpdate();
    }
  }

  private static Connection database() throws SQLException {
    return TestServer.stack().connectToDatabase();
  }
}
