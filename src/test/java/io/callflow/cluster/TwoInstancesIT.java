package io.callflow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.PayaraProcess;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server instances on one database and one broker, hammered at once: a locked number is never
 * booked twice, every booking made is matched by the other instance, whatever instance answered.
 */
class TwoInstancesIT {

  private static final int THREADS = 16;
  private static final int ROUNDS = 25;

  private static PayaraProcess second;
  private static GmsClient other;

  @BeforeAll
  static void startASecondInstance() throws Exception {
    int port = TestServer.freePort();
    second = TestServer.stack().startAnotherServer("second", port);
    other = new GmsClient("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stopIt() throws Exception {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void concurrentCreatesAndMatchesOnBothInstancesNeverDoubleBookANumber() throws Exception {
    GmsClient first = TestServer.gms();
    List<String> numbers = Fixtures.freshNumbers(10);
    String pool = Fixtures.pool(first, "LOCKING", 30, numbers);
    String service = Fixtures.interactionService(first, pool, "\"_provide_code\":\"true\"");
    Map<String, String> matchedBy = new ConcurrentHashMap<>();
    AtomicInteger exhausted = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(
          threads.submit(
              () -> {
                for (int round = 0; round < ROUNDS; round++) {
                  boolean onFirst = ThreadLocalRandom.current().nextBoolean();
                  GmsClient creator = onFirst ? first : other;
                  GmsClient matcher = onFirst ? other : first;
                  Reply created =
                      creator.postForm(
                          "/genesys/1/service/" + service, Map.of("round", String.valueOf(round)));
                  if (created.status() == 503) {
                    exhausted.incrementAndGet();
                    continue;
                  }
                  if (created.status() != 200) {
                    failures.add("create: " + created);
                    continue;
                  }
                  String id = created.json().getString("_id");
                  Reply matched =
                      matcher.postForm(
                          "/genesys/1/service/match-interaction",
                          Map.of(
                              "_access_number",
                              created.json().getString("_access_number"),
                              "_access_code",
                              created.json().getString("_access_code")));
                  if (matched.status() != 200 || !id.equals(matched.json().getString("_id"))) {
                    failures.add("match of " + id + ": " + matched);
                  } else {
                    matchedBy.put(id, onFirst ? "second" : "first");
                  }
                }
              }));
    }
    for (Future<?> each : done) {
      each.get();
    }
    threads.shutdown();

    assertEquals(List.of(), failures);
    assertTrue(
        matchedBy.size() > THREADS,
        "most rounds got a number: " + matchedBy.size() + ", exhausted " + exhausted);
    assertTrue(
        matchedBy.containsValue("first") && matchedBy.containsValue("second"),
        "both instances matched");
    try (Connection db = TestServer.stack().connectToDatabase()) {
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM booking a JOIN booking b ON a.number = b.number AND a.id < b.id"
                  + " WHERE a.pool_name = '"
                  + pool
                  + "'"
                  + " AND tstzrange(a.booked_at, coalesce(a.ended_at, 'infinity')) && tstzrange(b.booked_at, coalesce(b.ended_at, 'infinity'))"),
          "no two bookings of one number overlap in time");
      assertEquals(
          matchedBy.size(),
          count(
              db,
              "SELECT count(*) FROM booking WHERE pool_name = '"
                  + pool
                  + "' AND end_reason = 'MATCHED'"));
      assertEquals(
          0,
          count(db, "SELECT count(*) FROM booking WHERE pool_name = '" + pool + "' AND active"),
          "every booking ended");
    }
  }

  @Test
  void queuedCustomersOnBothInstancesAreEachDispatchedOnce() throws Exception {
    GmsClient first = TestServer.gms();
    String queue = Fixtures.uniqueName("q2");
    String pool = Fixtures.pool(first, "LOCKING", 60, Fixtures.freshNumbers(4));
    String service =
        Fixtures.service(
            first,
            "poll",
            "request-inbound-poll",
            "\"_queue\":\"" + queue + "\",\"_resource_group\":\"" + pool + "\"");
    List<String> customers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      customers.add(
          (i % 2 == 0 ? first : other)
              .postForm("/genesys/1/service/" + service, Map.of())
              .json()
              .getString("_id"));
    }
    Map<String, Integer> reservations = new ConcurrentHashMap<>();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<io.callflow.desktop.reference.DesktopClient> agents = new ArrayList<>();
    try {
      for (int a = 0; a < 4; a++) {
        var agent = TestServer.desktop(Fixtures.uniqueName("agent"));
        agent.onReceived(
            received -> {
              String id = received.body().getString("serviceId");
              if (received.type().equals("Reserved")) {
                reservations.merge(id, 1, Integer::sum);
                callers.submit(
                    () -> {
                      GmsClient any = ThreadLocalRandom.current().nextBoolean() ? first : other;
                      String number =
                          io.callflow.testing.Eventually.await(
                              id + " has a number",
                              java.time.Duration.ofSeconds(30),
                              () ->
                                  java.util.Optional.of(
                                          any.get(
                                                  "/genesys/1/service/"
                                                      + id
                                                      + "/check-queue-position")
                                              .json())
                                      .filter(r -> r.containsKey("_access_number"))
                                      .map(r -> r.getString("_access_number")));
                      Reply matched =
                          any.postForm(
                              "/genesys/1/service/match-interaction",
                              Map.of("_access_number", number));
                      if (matched.status() != 200) {
                        failures.add("match of " + id + ": " + matched);
                      }
                    });
              } else if (received.type().equals("Offer")) {
                agent.callResult(id, "COMPLETED");
              }
            });
        agent.logIn(List.of(queue), "7" + a);
        agent.ready();
        agents.add(agent);
      }
      for (String id : customers) {
        try {
          io.callflow.testing.Eventually.await(
              id + " completed",
              java.time.Duration.ofSeconds(90),
              () ->
                  java.util.Optional.of(first.get("/genesys/1/service/" + id).json())
                      .filter(r -> "COMPLETED".equals(r.getString("_state"))));
        } catch (AssertionError e) {
          throw new AssertionError(
              e.getMessage()
                  + "; "
                  + first.get("/genesys/1/service/" + id).body()
                  + "; failures "
                  + failures
                  + "; agents "
                  + agents.stream()
                      .map(a -> first.get("/admin/agents/" + a.agentId()).body())
                      .toList()
                  + "; reservations "
                  + reservations,
              e);
        }
      }
    } finally {
      agents.forEach(
          agent -> {
            agent.logOut();
            agent.close();
          });
      callers.shutdownNow();
    }
    assertEquals(List.of(), failures);
    assertEquals(customers.size(), reservations.size());
    assertTrue(
        reservations.values().stream().allMatch(n -> n == 1),
        "each customer reserved once: " + reservations);
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (var statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
