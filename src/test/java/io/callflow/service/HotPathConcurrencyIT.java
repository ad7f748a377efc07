package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Far more clients than the server has database connections (32), each asking for a number and
 * calling it at once, on a pool much smaller than the crowd: the server keeps answering, with a
 * number or a clean 503, and never books a locked number twice.
 */
class HotPathConcurrencyIT {

  private static final int CLIENTS = 256;
  private static final Duration RUN = Duration.ofSeconds(20);
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration REFUSED_PAUSE = Duration.ofMillis(50);

  private final GmsClient gms = TestServer.gms();

  @Test
  void twoHundredFiftySixClientsOnTwentyNumbersNeverStallNorDoubleBook() throws Exception {
    String pool = Fixtures.pool(gms, "LOCKING", 300, Fixtures.freshNumbers(20));
    String service = Fixtures.interactionService(gms, pool, "");
    GmsClient client = gms.withTimeout(PATIENCE).overHttp11();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger matched = new AtomicInteger();
    ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
    Instant end = Instant.now().plus(RUN);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      clients.submit(
          () -> {
            while (Instant.now().isBefore(end)) {
              try {
                Reply issued = client.post("/genesys/1/service/" + service);
                count(statuses, issued);
                if (issued.status() == 503) {
                  // an app told "no number now" pauses before asking again, as apps do; without
                  // it the refusals alone keep a 2-core machine busy and starve the calls
                  Thread.sleep(REFUSED_PAUSE.toMillis());
                }
                if (issued.status() == 200) {
                  Map<String, String> dialled = new java.util.HashMap<>();
                  dialled.put("_access_number", issued.json().getString("_access_number"));
                  String code = issued.json().getString("_access_code", "");
                  if (!code.isEmpty()) {
                    dialled.put("_access_code", code);
                  }
                  Reply call = client.postForm("/genesys/1/service/match-interaction", dialled);
                  count(statuses, call);
                  if (call.status() == 200) {
                    matched.incrementAndGet();
                  }
                }
              } catch (RuntimeException e) {
                unanswered.add(String.valueOf(e));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
            }
          });
    }
    clients.shutdown();
    assertTrue(
        clients.awaitTermination(RUN.plus(PATIENCE).plusSeconds(30).toSeconds(), TimeUnit.SECONDS),
        "every client finished");

    assertEquals(List.of(), List.copyOf(unanswered), "every request answered within 30 s");
    assertTrue(
        Set.of(200, 503).containsAll(statuses.keySet()), "only 200 and 503 answers: " + statuses);
    assertTrue(matched.get() >= 200, "bookings matched: " + matched.get() + ", " + statuses);
    assertEquals(0, overlappingBookings(pool), "a locked number booked twice at once");
  }

  private static void count(Map<Integer, AtomicInteger> statuses, Reply reply) {
    statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
  }

  /** Pairs of the pool's bookings on one number whose lives overlap. */
  private static long overlappingBookings(String pool) {
    return TestServer.stack()
        .count(
            "SELECT count(*) FROM booking a JOIN booking b ON a.number = b.number AND a.id < b.id"
                + " WHERE a.pool_name = ? AND b.pool_name = a.pool_name"
                + " AND tstzrange(a.booked_at, coalesce(a.ended_at, 'infinity'))"
                + " && tstzrange(b.booked_at, coalesce(b.ended_at, 'infinity'))",
            pool);
  }
}
