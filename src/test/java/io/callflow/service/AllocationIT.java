package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.JmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The allocator under concurrency, expiry without traffic, across a restart, and its events. */
class AllocationIT {

  private final GmsClient gms = TestServer.gms();
  private final JmsClient jms = TestServer.jms();

  @AfterEach
  void closeJms() {
    jms.close();
  }

  @Test
  void lockedNumberIsNeverBookedTwiceUnder200ConcurrentRequests() throws Exception {
    List<String> numbers = Fixtures.freshNumbers(20);
    String pool = Fixtures.pool(gms, "LOCKING", 300, numbers);
    String service = Fixtures.interactionService(gms, pool, "");
    ExecutorService threads = Executors.newFixedThreadPool(32);
    List<Reply> replies = new ArrayList<>();
    try {
      List<Callable<Reply>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(() -> gms.post("/genesys/1/service/" + service));
      }
      for (Future<Reply> reply : threads.invokeAll(calls)) {
        replies.add(reply.get());
      }
    } finally {
      threads.shutdownNow();
    }
    List<String> booked = new ArrayList<>();
    int exhausted = 0;
    for (Reply reply : replies) {
      if (reply.status() == 200) {
        booked.add(reply.json().getString("_access_number"));
      } else {
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        assertTrue(reply.header("Retry-After").isPresent(), reply::toString);
        exhausted++;
      }
    }
    assertEquals(20, booked.size(), "bookings");
    assertEquals(180, exhausted, "clean 503s");
    assertEquals(new HashSet<>(numbers), new HashSet<>(booked), "every number exactly once");
  }

  /**
   * The number's previous booking ended after this request read its clock (here: on a server whose
   * clock runs half a minute ahead): the new booking starts when the number was freed, so a
   * number's bookings never overlap in time.
   */
  @Test
  void bookingStartsNoEarlierThanItsNumberWasFreed() throws Exception {
    String number = Fixtures.freshNumbers(1).get(0);
    String service =
        Fixtures.interactionService(gms, Fixtures.pool(gms, "LOCKING", 60, List.of(number)), "");
    try (Connection db = TestServer.stack().connectToDatabase();
        PreparedStatement freed =
            db.prepareStatement(
                "UPDATE access_number SET freed_at = date_trunc('milliseconds', now())"
                    + " + interval '30 seconds' WHERE number = ?")) {
      freed.setString(1, number);
      assertEquals(1, freed.executeUpdate());
    }
    String id = gms.post("/genesys/1/service/" + service).json().getString("_id");
    assertEquals(
        1,
        TestServer.stack()
            .count(
                "SELECT count(*) FROM booking b JOIN access_number n ON n.number = b.number"
                    + " WHERE b.service_id = ? AND b.booked_at = n.freed_at"
                    + " AND b.expires_at = n.freed_at + interval '60 seconds'",
                id),
        "the booking starts when its number was freed");
  }

  /**
   * The partial unique index is the last line of defence: a number marked free while its locking
   * booking is live (a flag gone wrong) is not booked twice, and the request gets a clean 503.
   */
  @Test
  void numberWronglyMarkedFreeIsNotBookedTwice() throws Exception {
    String number = Fixtures.freshNumbers(1).get(0);
    String service =
        Fixtures.interactionService(gms, Fixtures.pool(gms, "LOCKING", 300, List.of(number)), "");
    String first = gms.post("/genesys/1/service/" + service).json().getString("_id");
    try (Connection db = TestServer.stack().connectToDatabase();
        PreparedStatement free =
            db.prepareStatement("UPDATE access_number SET free = true WHERE number = ?")) {
      free.setString(1, number);
      assertEquals(1, free.executeUpdate());
    }

    Reply second = gms.post("/genesys/1/service/" + service);

    assertEquals(503, second.status(), second::toString);
    assertTrue(second.contentType().startsWith("application/problem+json"), second::toString);
    assertEquals(
        1,
        TestServer.stack()
            .count("SELECT count(*) FROM booking WHERE number = ? AND active", number),
        "live bookings on the number");
    assertEquals(
        1,
        TestServer.stack()
            .count(
                "SELECT count(*) FROM booking WHERE number = ? AND active AND service_id = ?",
                number,
                first),
        "the first instance's booking is the live one");
  }

  @Test
  void expiredBookingFreesNumberWithoutTraffic() {
    JmsClient.Subscription events = jms.subscribe(Destinations.EVENTS);
    String pool = Fixtures.pool(gms, "LOCKING", 5, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject booked = gms.post("/genesys/1/service/" + service).json();
    String id = booked.getString("_id");
    assertEquals(503, gms.post("/genesys/1/service/" + service).status());

    events.await(
        "expiry of " + id,
        Duration.ofSeconds(20),
        m ->
            "AccessNumberReleased".equals(m.type())
                && id.equals(m.body().getString("serviceId"))
                && "EXPIRED".equals(m.body().getString("reason")));
    events.await(
        "instance " + id + " EXPIRED",
        Duration.ofSeconds(5),
        m ->
            "InstanceStateChanged".equals(m.type())
                && id.equals(m.body().getString("serviceId"))
                && "EXPIRED".equals(m.body().getString("state")));
    assertEquals("EXPIRED", gms.get("/genesys/1/service/" + id).json().getString("_state"));
    assertEquals(
        404,
        gms.postForm(
                "/genesys/1/service/match-interaction",
                Map.of("_access_number", booked.getString("_access_number")))
            .status());
    assertEquals(
        200, gms.post("/genesys/1/service/" + service).status(), "the number is free again");
  }

  @Test
  void bookingMatchAndCancelArePublishedOnTheEventsTopic() {
    JmsClient.Subscription events = jms.subscribe(Destinations.EVENTS);
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(2));
    String service = Fixtures.interactionService(gms, pool, "");
    JsonObject matched = gms.post("/genesys/1/service/" + service).json();
    JsonObject cancelled = gms.post("/genesys/1/service/" + service).json();
    gms.postForm(
        "/genesys/1/service/match-interaction",
        Map.of("_access_number", matched.getString("_access_number")));
    gms.delete("/genesys/1/service/" + cancelled.getString("_id"));

    Duration wait = Duration.ofSeconds(10);
    for (JsonObject instance : List.of(matched, cancelled)) {
      String id = instance.getString("_id");
      events.await(
          "booked " + id,
          wait,
          m -> "AccessNumberBooked".equals(m.type()) && id.equals(m.body().getString("serviceId")));
      events.await(
          "created " + id,
          wait,
          m ->
              "InstanceStateChanged".equals(m.type())
                  && id.equals(m.body().getString("serviceId"))
                  && "ACCESS_ISSUED".equals(m.body().getString("state")));
    }
    String matchedId = matched.getString("_id");
    events.await(
        "match released",
        wait,
        m ->
            "AccessNumberReleased".equals(m.type())
                && matchedId.equals(m.body().getString("serviceId"))
                && "MATCHED".equals(m.body().getString("reason")));
    events.await(
        "completed",
        wait,
        m ->
            "InstanceStateChanged".equals(m.type())
                && matchedId.equals(m.body().getString("serviceId"))
                && "COMPLETED".equals(m.body().getString("state"))
                && "ACCESS_ISSUED".equals(m.body().getString("previousState")));
    String cancelledId = cancelled.getString("_id");
    events.await(
        "cancel released",
        wait,
        m ->
            "AccessNumberReleased".equals(m.type())
                && cancelledId.equals(m.body().getString("serviceId"))
                && "CANCELLED".equals(m.body().getString("reason")));
    events.await(
        "cancelled",
        wait,
        m ->
            "InstanceStateChanged".equals(m.type())
                && cancelledId.equals(m.body().getString("serviceId"))
                && "CANCELLED".equals(m.body().getString("state")));
  }

  @Test
  void restartKeepsLiveBookingsAndStillExpiresThem() throws Exception {
    String shortPool = Fixtures.pool(gms, "LOCKING", 5, Fixtures.freshNumbers(1));
    // long enough to outlive a restart on a busy machine, which can take most of a minute
    String longPool = Fixtures.pool(gms, "LOCKING", 90, Fixtures.freshNumbers(1));
    String dueDuringRestart =
        gms.post("/genesys/1/service/" + Fixtures.interactionService(gms, shortPool, ""))
            .json()
            .getString("_id");
    JsonObject survivor =
        gms.post("/genesys/1/service/" + Fixtures.interactionService(gms, longPool, "")).json();
    String survivorId = survivor.getString("_id");

    TestServer.stack().restartServer();

    Eventually.await(
        "the booking due during the restart expires",
        Duration.ofSeconds(10),
        () ->
            Optional.of(gms.get("/genesys/1/service/" + dueDuringRestart))
                .filter(r -> "EXPIRED".equals(r.json().getString("_state"))));
    JsonObject afterRestart = gms.get("/genesys/1/service/" + survivorId).json();
    assertEquals("ACCESS_ISSUED", afterRestart.getString("_state"), afterRestart::toString);
    assertEquals(survivor.getString("_access_number"), afterRestart.getString("_access_number"));
    Eventually.await(
        "the surviving booking expires on time",
        Duration.ofSeconds(120),
        () ->
            Optional.of(gms.get("/genesys/1/service/" + survivorId))
                .filter(r -> "EXPIRED".equals(r.json().getString("_state"))));
  }

  @Test
  void allocationsRacingTheExpirySweepNeverFail() throws Exception {
    String pool = Fixtures.pool(gms, "LOCKING", 5, Fixtures.freshNumbers(3));
    String service = Fixtures.interactionService(gms, pool, "");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, gms.post("/genesys/1/service/" + service).status());
    }
    // for the next 8 s, bookings fall due while creates keep expiring them inline and the sweep
    // expires them every second: both must take turns, never fail
    int booked = 0;
    long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    while (System.nanoTime() < end) {
      Reply reply = gms.post("/genesys/1/service/" + service);
      assertTrue(reply.status() == 200 || reply.status() == 503, reply::toString);
      if (reply.status() == 200) {
        booked++;
      }
      Thread.sleep(50);
    }
    assertTrue(booked >= 3, "numbers came back after their bookings expired: " + booked);
  }

  @Test
  void roundRobinPoolsHandOutNumbersInTurn() {
    List<String> numbers = Fixtures.freshNumbers(3);
    String pool = Fixtures.pool(gms, "SHARED", 60, numbers, "\"choice\":\"ROUND_ROBIN\"");
    String service = Fixtures.interactionService(gms, pool, "");
    List<String> handedOut = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      handedOut.add(gms.post("/genesys/1/service/" + service).json().getString("_access_number"));
    }
    Set<String> firstRound = new HashSet<>(handedOut.subList(0, 3));
    assertEquals(new HashSet<>(numbers), firstRound, handedOut::toString);
    assertEquals(
        handedOut.subList(0, 3), handedOut.subList(3, 6), "the second round repeats the first");
  }
}
