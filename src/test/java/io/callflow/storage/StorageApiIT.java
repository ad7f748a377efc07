package io.callflow.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GMS's Storage API: app data kept under an id for a TTL, seen only by its gms_user. */
class StorageApiIT {

  private static final String STORAGE = "/genesys/1/storage";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final GmsClient gms = TestServer.gms();

  @Test
  void formDataIsStoredReadWholeAndByKeyThenDeleted() {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("first_name", "Zoë");
    data.put("topic", "billing & payments");
    Reply created = gms.postForm(STORAGE + "/3600", data);
    String id = idOf(created);

    Reply read = gms.get(STORAGE + "/" + id);
    assertEquals(200, read.status(), read::toString);
    assertEquals("application/json", read.contentType());
    assertEquals(Map.of("first_name", "Zoë", "topic", "billing & payments"), strings(read.json()));

    Reply value = gms.get(STORAGE + "/" + id + "/topic");
    assertEquals(200, value.status(), value::toString);
    assertTrue(
        value.contentType().toLowerCase().replace(" ", "").startsWith("text/plain;charset=utf-8"),
        value::toString);
    assertEquals("billing & payments", value.body());

    Reply deleted = gms.delete(STORAGE + "/" + id);
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals(id, deleted.json().getString("id"));
    assertProblem(gms.get(STORAGE + "/" + id), 404);
    assertProblem(gms.delete(STORAGE + "/" + id), 404);
  }

  @Test
  void jsonBodyIsStoredAsStrings() {
    String id =
        idOf(gms.postJson(STORAGE + "/60", "{\"customer\":\"Zoë\",\"visits\":3,\"vip\":true}"));

    Reply read = gms.get(STORAGE + "/" + id);
    assertEquals(200, read.status(), read::toString);
    assertEquals(Map.of("customer", "Zoë", "visits", "3", "vip", "true"), strings(read.json()));
  }

  @Test
  void multipartBodyIsStored() {
    String boundary = "----callflow7MA4YWxkTrZu0gW";
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"first_name\"\r\n"
            + "\r\n"
            + "Zoë\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"note\"\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "line one\r\nline two\r\n"
            + "--"
            + boundary
            + "--\r\n";
    String id =
        idOf(
            gms.post(
                STORAGE + "/60",
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8)));

    Reply read = gms.get(STORAGE + "/" + id);
    assertEquals(200, read.status(), read::toString);
    assertEquals(Map.of("first_name", "Zoë", "note", "line one\r\nline two"), strings(read.json()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "2592001", "abc"})
  void ttlOutsideOneSecondToThirtyDaysIsRefused(String ttl) {
    Reply refused = gms.postForm(STORAGE + "/" + ttl, Map.of("a", "b"));

    JsonObject problem = assertProblem(refused, 400);
    assertEquals("BAD_PARAMETER", problem.getString("phrase"));
    assertEquals("ttl", problem.getJsonArray("invalid_params").getJsonObject(0).getString("name"));
    assertTrue(problem.getString("message").startsWith("ttl: "), refused::toString);
  }

  @Test
  void thirtyDaysIsTheLongestTtl() {
    idOf(gms.postForm(STORAGE + "/2592000", Map.of("a", "b")));
  }

  @Test
  void appDataAbove64KilobytesIsRefused() {
    Reply refused = gms.postForm(STORAGE + "/60", Map.of("blob", "x".repeat(64 * 1024)));

    JsonObject problem = assertProblem(refused, 413);
    assertEquals("body", problem.getJsonArray("invalid_params").getJsonObject(0).getString("name"));
  }

  @Test
  void unknownIdAndUnknownKeyAre404() {
    JsonObject problem = assertProblem(gms.get(STORAGE + "/no-such-entry"), 404);
    assertTrue(problem.getString("message").contains("no-such-entry"), problem::toString);
    assertProblem(gms.delete(STORAGE + "/no-such-entry"), 404);

    String id = idOf(gms.postForm(STORAGE + "/60", Map.of("a", "b")));
    JsonObject noKey = assertProblem(gms.get(STORAGE + "/" + id + "/missing_key"), 404);
    assertTrue(noKey.getString("message").contains("missing_key"), noKey::toString);
  }

  @Test
  void entryStoredWithGmsUserExistsOnlyForThatUser() {
    GmsClient alice = gms.withHeader("gms_user", "alice");
    GmsClient bob = gms.withHeader("gms_user", "bob");
    String id = idOf(alice.postForm(STORAGE + "/60", Map.of("secret", "42")));

    assertProblem(bob.get(STORAGE + "/" + id), 404);
    assertProblem(gms.get(STORAGE + "/" + id), 404);
    assertProblem(bob.get(STORAGE + "/" + id + "/secret"), 404);
    assertProblem(bob.delete(STORAGE + "/" + id), 404);

    Reply own = alice.get(STORAGE + "/" + id);
    assertEquals(200, own.status(), own::toString);
    assertEquals("42", own.json().getString("secret"));
    assertEquals(200, alice.delete(STORAGE + "/" + id).status());
  }

  @Test
  void entryWithoutGmsUserIsAnybodys() {
    String id = idOf(gms.postForm(STORAGE + "/60", Map.of("a", "b")));

    Reply read = gms.withHeader("gms_user", "carol").get(STORAGE + "/" + id);
    assertEquals(200, read.status(), read::toString);
  }

  @Test
  void expiredEntryIsGoneThenSweptWithoutTraffic() {
    String id = idOf(gms.postForm(STORAGE + "/1", Map.of("a", "b")));

    Reply gone =
        Eventually.await(
            "entry " + id + " to expire",
            TIMEOUT,
            () -> Optional.of(gms.get(STORAGE + "/" + id)).filter(r -> r.status() == 404));
    assertProblem(gone, 404);

    // long enough to see the row before it expires, short enough for the sweep to come soon after
    String other = idOf(gms.postForm(STORAGE + "/5", Map.of("a", "b")));
    assertTrue(rowExists(other), "the entry is stored");
    Eventually.await(
        "the sweep to delete " + other,
        TIMEOUT,
        () -> rowExists(other) ? Optional.empty() : Optional.of(true));
  }

  private static String idOf(Reply created) {
    assertEquals(200, created.status(), created::toString);
    assertEquals("application/json", created.contentType());
    String id = created.json().getString("id");
    assertFalse(id.isBlank(), created::toString);
    return id;
  }

  /** An RFC 9457 problem that GMS clients read too. */
  private static JsonObject assertProblem(Reply reply, int status) {
    assertEquals(status, reply.status(), reply::toString);
    assertEquals("application/problem+json", reply.contentType());
    JsonObject problem = reply.json();
    assertEquals(status, problem.getInt("status"));
    assertEquals(status, problem.getInt("code"));
    for (String member : new String[] {"phrase", "message", "exception"}) {
      assertFalse(problem.getString(member).isBlank(), () -> member + " in " + reply);
    }
    return problem;
  }

  private static Map<String, String> strings(JsonObject json) {
    Map<String, String> values = new LinkedHashMap<>();
    json.forEach((key, value) -> values.put(key, json.getString(key)));
    return values;
  }

  private static boolean rowExists(String id) {
    try (Connection connection = TestServer.stack().connectToDatabase();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM storage_entry WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
