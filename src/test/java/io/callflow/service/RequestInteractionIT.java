package io.callflow.service;

import static io.callflow.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** request-interaction, request-access, read and cancel on the GMS wire format. */
class RequestInteractionIT {

  private final GmsClient gms = TestServer.gms();

  @Test
  void emptyFormAnswersAccessInfoWithEveryScalarAString() {
    Reply created = gms.post("/genesys/1/service/request-interaction");
    assertEquals(200, created.status(), created::toString);
    JsonObject answer = created.json();
    for (String member :
        List.of(
            "_id",
            "_access_number",
            "_access_code",
            "_expiration_time",
            "_expires_at",
            "_data_id")) {
      assertTrue(answer.containsKey(member), member + " missing in " + answer);
    }
    answer
        .values()
        .forEach(v -> assertEquals(JsonValue.ValueType.STRING, v.getValueType(), answer::toString));
    assertFalse(answer.containsKey("error"));
    assertEquals(6, answer.getString("_access_code").length());
    long secondsLeft = Long.parseLong(answer.getString("_expiration_time"));
    assertTrue(secondsLeft > 0 && secondsLeft <= 30, answer::toString);
    assertTrue(Instant.parse(answer.getString("_expires_at")).isAfter(Instant.now()));
  }

  @Test
  void jsonAndMultipartBodiesWorkAndAppDataIsStored() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(3));
    String service = Fixtures.interactionService(gms, pool, "");
    Reply json =
        gms.postJson(
            "/genesys/1/service/" + service,
            "{\"_phone_number\":\"(617) 555-0101\",\"first_name\":\"Ada\"}");
    assertEquals(200, json.status(), json::toString);
    Reply data = gms.get("/genesys/1/storage/" + json.json().getString("_data_id"));
    assertEquals("Ada", data.json().getString("first_name"), data::toString);
    assertFalse(data.json().containsKey("_phone_number"), "system parameters are not app data");

    String body =
        "--b0undary\r\nContent-Disposition: form-data; name=\"last_name\"\r\n\r\nLovelace\r\n--b0undary--\r\n";
    Reply multipart =
        gms.post(
            "/genesys/1/service/" + service,
            "multipart/form-data; boundary=b0undary",
            body.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, multipart.status(), multipart::toString);
    assertEquals(
        "Lovelace",
        gms.get("/genesys/1/storage/" + multipart.json().getString("_data_id"))
            .json()
            .getString("last_name"));
  }

  @Test
  void readShowsStateAndAccessInfoAndCancelReleasesTheNumberAtOnce() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject first = gms.post("/genesys/1/service/" + service).json();
    String id = first.getString("_id");

    JsonObject read = gms.get("/genesys/1/service/" + id).json();
    assertEquals("ACCESS_ISSUED", read.getString("_state"));
    assertEquals(first.getString("_access_number"), read.getString("_access_number"));
    assertEquals(service, read.getString("_service"));

    Reply exhausted = gms.post("/genesys/1/service/" + service);
    assertEquals(503, exhausted.status(), exhausted::toString);
    long retryAfter = Long.parseLong(exhausted.header("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

    Reply cancelled = gms.delete("/genesys/1/service/" + id);
    assertEquals(200, cancelled.status(), cancelled::toString);
    assertEquals("CANCELLED", gms.get("/genesys/1/service/" + id).json().getString("_state"));
    assertFalse(gms.get("/genesys/1/service/" + id).json().containsKey("_access_number"));

    Reply again = gms.post("/genesys/1/service/" + service);
    assertEquals(200, again.status(), again::toString);
    assertEquals(first.getString("_access_number"), again.json().getString("_access_number"));
  }

  @Test
  void requestAccessBindsAccessInfoToAnExistingInstance() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(2));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject created = gms.post("/genesys/1/service/" + service).json();
    String id = created.getString("_id");

    // a live booking is answered again
    Reply access =
        gms.postForm(
            "/genesys/1/service/request-access", Map.of("_id", id, "_resource_group", pool));
    assertEquals(200, access.status(), access::toString);
    assertEquals(created.getString("_access_number"), access.json().getString("_access_number"));
    assertTrue(access.json().containsKey("_expiration_time"));

    Reply missingId =
        gms.postForm("/genesys/1/service/request-access", Map.of("_resource_group", pool));
    assertProblem(missingId, 400, "_id");
    Reply unknownId =
        gms.postForm("/genesys/1/service/request-access", Map.of("_id", "no-such-id"));
    assertEquals(404, unknownId.status(), unknownId::toString);
  }

  @Test
  void anotherGmsUserCannotSeeOrTouchTheInstance() {
    GmsClient alice = gms.withHeader("gms_user", "alice");
    GmsClient bob = gms.withHeader("gms_user", "bob");
    String id = alice.post("/genesys/1/service/request-interaction").json().getString("_id");

    assertEquals(200, alice.get("/genesys/1/service/" + id).status());
    assertEquals(404, bob.get("/genesys/1/service/" + id).status());
    assertEquals(404, gms.get("/genesys/1/service/" + id).status());
    assertEquals(404, bob.delete("/genesys/1/service/" + id).status());
    assertEquals(
        404, bob.postForm("/genesys/1/service/request-access", Map.of("_id", id)).status());
    assertEquals("ACCESS_ISSUED", alice.get("/genesys/1/service/" + id).json().getString("_state"));
    assertEquals(200, alice.delete("/genesys/1/service/" + id).status());
  }

  @Test
  void idempotencyKeyRepeatsAnswerTheSameInstanceAndADifferentBodyIs422() {
    GmsClient client =
        gms.withHeader("gms_user", "idem").withHeader("Idempotency-Key", Fixtures.uniqueName("k"));
    Reply first = client.postForm("/genesys/1/service/request-interaction", Map.of("note", "one"));
    Reply repeat = client.postForm("/genesys/1/service/request-interaction", Map.of("note", "one"));
    assertEquals(200, repeat.status(), repeat::toString);
    assertEquals(first.json().getString("_id"), repeat.json().getString("_id"));
    assertEquals(
        first.json().getString("_access_number"), repeat.json().getString("_access_number"));

    Reply different =
        client.postForm("/genesys/1/service/request-interaction", Map.of("note", "two"));
    assertProblem(different, 422, "Idempotency-Key");

    // the same key of another gms_user is another key
    Reply otherUser =
        gms.withHeader("gms_user", "idem-2")
            .withHeader("Idempotency-Key", "shared-key")
            .postForm("/genesys/1/service/request-interaction", Map.of("note", "one"));
    Reply thirdUser =
        gms.withHeader("gms_user", "idem-3")
            .withHeader("Idempotency-Key", "shared-key")
            .postForm("/genesys/1/service/request-interaction", Map.of("note", "one"));
    assertNotEquals(otherUser.json().getString("_id"), thirdUser.json().getString("_id"));
  }

  @Test
  void concurrentRepeatsOfOneIdempotencyKeyCreateOneInstance() throws Exception {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(10));
    String service = Fixtures.interactionService(gms, pool, "");
    GmsClient client = gms.withHeader("Idempotency-Key", Fixtures.uniqueName("concurrent"));
    ExecutorService threads = Executors.newFixedThreadPool(20);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        replies.add(
            threads.submit(
                () -> client.postForm("/genesys/1/service/" + service, Map.of("k", "v"))));
      }
      Set<String> ids = new HashSet<>();
      for (Future<Reply> reply : replies) {
        assertEquals(200, reply.get().status(), reply.get()::toString);
        ids.add(reply.get().json().getString("_id"));
      }
      assertEquals(1, ids.size(), ids::toString);
    } finally {
      threads.shutdownNow();
    }
    JsonObject pooled = gms.get("/admin/pools/" + pool).json();
    assertEquals(1, pooled.getJsonObject("utilisation").getInt("liveBookings"), pooled::toString);
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    assertProblem(
        gms.postForm(
            "/genesys/1/service/request-interaction", Map.of("_phone_number", "not a number")),
        400,
        "_phone_number");
    assertProblem(gms.post("/genesys/1/service/no-such-service"), 404, "service-name");
    assertEquals(404, gms.get("/genesys/1/service/no-such-id").status());
    assertProblem(
        gms.postForm("/genesys/1/service/request-interaction", Map.of("_access_code_length", "11")),
        400,
        "_access_code_length");
    assertProblem(
        gms.postForm("/genesys/1/service/request-interaction", Map.of("_access_code_length", "3")),
        400,
        "_access_code_length");
    assertProblem(
        gms.postJson("/genesys/1/service/request-interaction", "{\"_phone_number\":"), 400, "body");
    byte[] big = ("a=" + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    assertProblem(
        gms.post(
            "/genesys/1/service/request-interaction", "application/x-www-form-urlencoded", big),
        413,
        "body");
    assertProblem(
        gms.postForm(
            "/genesys/1/service/request-interaction", Map.of("_resource_group", "NO-SUCH-POOL")),
        400,
        "_resource_group");
  }
}
