package io.callflow.service;

import static io.callflow.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every row of the match decision table (spec §4), over HTTP. */
class MatchInteractionIT {

  private static final String MATCH = "/genesys/1/service/match-interaction";
  private static final String CALLER = "+16175550123";
  private static final String OTHER_CALLER = "+16175550999";

  private final GmsClient gms = TestServer.gms();

  private JsonObject book(String service, Map<String, String> form) {
    Reply created = gms.postForm("/genesys/1/service/" + service, form);
    assertEquals(200, created.status(), created::toString);
    return created.json();
  }

  @Test
  void lockingNumberWithCodeMatchesOnlyTheRightCode() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(1));
    String service =
        Fixtures.interactionService(
            gms, pool, "\"_provide_code\":\"true\",\"_access_code_length\":\"4\"");
    JsonObject booked = book(service, Map.of("_phone_number", CALLER));
    String dnis = booked.getString("_access_number");
    String code = booked.getString("_access_code");
    String wrong = code.equals("0000") ? "1111" : "0000";

    assertEquals(
        404, gms.postForm(MATCH, Map.of("_access_number", dnis, "_access_code", wrong)).status());
    Reply matched = gms.postForm(MATCH, Map.of("_access_number", dnis, "_access_code", code));
    assertEquals(200, matched.status(), matched::toString);
    assertEquals(booked.getString("_id"), matched.json().getString("_id"));
    assertEquals(booked.getString("_data_id"), matched.json().getString("_data_id"));
  }

  @Test
  void lockingNumberAloneIdentifiesTheCallerWhateverTheAni() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(2));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject first = book(service, Map.of("_phone_number", CALLER));
    JsonObject second = book(service, Map.of("_phone_number", CALLER));

    Reply byDnisOnly =
        gms.postForm(MATCH, Map.of("_access_number", first.getString("_access_number")));
    assertEquals(first.getString("_id"), byDnisOnly.json().getString("_id"), byDnisOnly::toString);
    // national format of the DNIS, and a different ANI: still the booking on that number
    String national = second.getString("_access_number").substring(2);
    Reply byOtherAni =
        gms.postForm(MATCH, Map.of("_access_number", national, "_phone_number", OTHER_CALLER));
    assertEquals(second.getString("_id"), byOtherAni.json().getString("_id"), byOtherAni::toString);
  }

  @Test
  void matchReleasesTheBookingAndCompletesTheInstance() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject booked = book(service, Map.of());
    String dnis = booked.getString("_access_number");
    assertEquals(200, gms.postForm(MATCH, Map.of("_access_number", dnis)).status());
    assertEquals(
        404,
        gms.postForm(MATCH, Map.of("_access_number", dnis)).status(),
        "a booking matches once");
    JsonObject read = gms.get("/genesys/1/service/" + booked.getString("_id")).json();
    assertEquals("COMPLETED", read.getString("_state"));
    assertFalse(read.containsKey("_access_number"));
    assertEquals(
        200,
        gms.postForm("/genesys/1/service/" + service, Map.of()).status(),
        "the number is free again");
  }

  /**
   * The match writes its instance's change with its other rows at commit, checked against the
   * version it read: a change made meanwhile by another transaction rolls the match back whole
   * (409, problem+json), and the booking stays live for the caller's retry.
   */
  @Test
  void instanceChangedDuringTheMatchRollsTheMatchBack() throws Exception {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject booked = book(service, Map.of());
    String id = booked.getString("_id");
    String dnis = booked.getString("_access_number");
    CompletableFuture<Reply> match;
    try (Connection db = TestServer.stack().connectToDatabase()) {
      db.setAutoCommit(false);
      try (PreparedStatement lock =
          db.prepareStatement("SELECT version FROM service_instance WHERE id = ? FOR UPDATE")) {
        lock.setString(1, id);
        lock.executeQuery().close();
      }
      match =
          CompletableFuture.supplyAsync(() -> gms.postForm(MATCH, Map.of("_access_number", dnis)));
      Eventually.await(
          "the match waiting for the instance's row",
          Duration.ofSeconds(20),
          () ->
              TestServer.stack()
                          .count(
                              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type ="
                                  + " 'Lock' AND query LIKE '%UPDATE service_instance SET%'")
                      == 1
                  ? Optional.of(true)
                  : Optional.empty());
      try (PreparedStatement change =
          db.prepareStatement("UPDATE service_instance SET version = version + 1 WHERE id = ?")) {
        change.setString(1, id);
        assertEquals(1, change.executeUpdate());
      }
      db.commit();
    }

    Reply refused = match.get(30, TimeUnit.SECONDS);
    assertEquals(409, refused.status(), refused::toString);
    assertEquals("application/problem+json", refused.contentType(), refused::toString);
    assertEquals("ACCESS_ISSUED", gms.get("/genesys/1/service/" + id).json().getString("_state"));
    Reply retried = gms.postForm(MATCH, Map.of("_access_number", dnis));
    assertEquals(200, retried.status(), retried::toString);
    assertEquals("COMPLETED", gms.get("/genesys/1/service/" + id).json().getString("_state"));
  }

  @Test
  void sharedNumberMatchesByCodeOrAniAndRefusesToGuessOnDnisAlone() {
    List<String> numbers = Fixtures.freshNumbers(1);
    String pool = Fixtures.pool(gms, "SHARED", 60, numbers);
    String service = Fixtures.interactionService(gms, pool, "\"_provide_code\":\"true\"");
    JsonObject a = book(service, Map.of("_phone_number", CALLER));
    JsonObject b = book(service, Map.of("_phone_number", OTHER_CALLER));
    String dnis = numbers.get(0);
    assertEquals(dnis, a.getString("_access_number"));
    assertEquals(dnis, b.getString("_access_number"));

    assertProblem(gms.postForm(MATCH, Map.of("_access_number", dnis)), 409, "_phone_number");
    Reply byCode =
        gms.postForm(
            MATCH, Map.of("_access_number", dnis, "_access_code", b.getString("_access_code")));
    assertEquals(b.getString("_id"), byCode.json().getString("_id"), byCode::toString);
    assertEquals(
        404,
        gms.postForm(MATCH, Map.of("_access_number", dnis, "_access_code", "000000x")).status());
    assertEquals(
        404,
        gms.postForm(MATCH, Map.of("_access_number", dnis, "_phone_number", "+16175550000"))
            .status());
    Reply byAni =
        gms.postForm(MATCH, Map.of("_access_number", dnis, "_phone_number", "(617) 555-0123"));
    assertEquals(a.getString("_id"), byAni.json().getString("_id"), byAni::toString);
  }

  @Test
  void sharedNumberKeepsLiveCodesUnique() {
    List<String> numbers = Fixtures.freshNumbers(1);
    String pool = Fixtures.pool(gms, "SHARED", 60, numbers);
    String service =
        Fixtures.interactionService(
            gms, pool, "\"_provide_code\":\"true\",\"_access_code_length\":\"4\"");
    java.util.Set<String> codes = new java.util.HashSet<>();
    for (int i = 0; i < 40; i++) {
      codes.add(book(service, Map.of()).getString("_access_code"));
    }
    assertEquals(40, codes.size(), "codes on one shared number must be unique while live");
  }

  @Test
  void returnUserDataAnswersTheAppDataFlat() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject booked = book(service, Map.of("first_name", "Ada", "order", "42"));
    Reply matched =
        gms.postForm(
            MATCH,
            Map.of(
                "_access_number", booked.getString("_access_number"), "_return_user_data", "true"));
    assertEquals("Ada", matched.json().getString("first_name"), matched::toString);
    assertEquals("42", matched.json().getString("order"));
    assertEquals(booked.getString("_id"), matched.json().getString("_id"));
  }

  @Test
  void numbersInNoPoolAndUnknownCallersAreNoMatch() {
    assertEquals(
        404,
        gms.postForm(MATCH, Map.of("_access_number", "+12125550000", "_phone_number", CALLER))
            .status());
    assertEquals(404, gms.postForm(MATCH, Map.of("_access_number", "+12125550000")).status());
    assertProblem(gms.postForm(MATCH, Map.of()), 400, "_access_number");
    assertProblem(gms.postForm(MATCH, Map.of("_access_number", "xyz")), 400, "_access_number");
  }
}
