package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.CallflowStack;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away and comes back while apps keep asking for access numbers and cancelling
 * them: no request involves the broker (what it causes waits in the outbox), so every request is
 * answered 200 within seconds, readiness stays UP, nothing is left booked, the outbox drains once
 * the broker is back and no prepared transaction is left behind.
 */
class BrokerRestartUnderLoadIT {

  private static final int CLIENTS = 6;
  private static final Set<Integer> EXPECTED = Set.of(200);

  /** Longer than the transaction manager's commit retry, so a held commit may be seen to finish. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** The status recorded for a request still unanswered after {@link #PATIENCE}. */
  private static final int UNANSWERED = -2;

  private static final Duration HELD = Duration.ofSeconds(10);

  /**
   * A create refused with 503 after its number was booked (the booking commits on its own) gives
   * the number back at once if it can, else when the booking expires: short here, so the test sees
   * it.
   */
  private static final int BOOKING_SECONDS = 20;

  private final GmsClient gms = TestServer.gms().withTimeout(PATIENCE);

  /** One answer of the load, tagged with the phase of the outage it was asked in. */
  private record Answer(String phase, String request, int status, String detail, Duration took) {}

  @Test
  void appsAreServedThroughABrokerRestart() throws Exception {
    String pool =
        Fixtures.pool(gms, "LOCKING", BOOKING_SECONDS, Fixtures.freshNumbers(3 * CLIENTS));
    String service = Fixtures.interactionService(gms, pool, "");
    CallflowStack stack = TestServer.stack();

    AtomicReference<String> phase = new AtomicReference<>("before");
    AtomicBoolean running = new AtomicBoolean(true);
    List<Answer> answers = new CopyOnWriteArrayList<>();
    Set<String> created = ConcurrentHashMap.newKeySet();
    ExecutorService apps = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      apps.submit(
          () -> {
            while (running.get()) {
              String asked = phase.get();
              long start = System.nanoTime();
              try {
                createAndCancel(service, phase, answers, created);
              } catch (RuntimeException e) { // unanswered, or a broken connection: as bad as a 500
                boolean timedOut = e.getCause() instanceof java.net.http.HttpTimeoutException;
                answers.add(
                    new Answer(
                        asked, "request", timedOut ? UNANSWERED : -1, e.toString(), since(start)));
              }
            }
            return null;
          });
    }

    Thread.sleep(3_000);
    phase.set("outage");
    stack.stopBroker();
    boolean stayedUp;
    try {
      Thread.sleep(1_000);
      stayedUp = gms.get("/health/ready").status() == 200;
      Thread.sleep(5_000);
    } finally {
      stack.startBroker();
    }
    phase.set("recovery");
    Eventually.await(
        "readiness 200 once the broker is back",
        Duration.ofSeconds(60),
        () -> Optional.of(gms.get("/health/ready")).filter(r -> r.status() == 200));
    stack.awaitListeners(CallflowStack.LISTENER_TIMEOUT);
    Thread.sleep(2_000);
    phase.set("after");
    Thread.sleep(4_000);
    running.set(false);
    apps.shutdown();
    assertTrue(
        apps.awaitTermination(PATIENCE.toSeconds() + 30, TimeUnit.SECONDS),
        "every client finished");

    Map<String, Map<Integer, Integer>> byPhase = new TreeMap<>();
    answers.forEach(
        a ->
            byPhase
                .computeIfAbsent(a.phase(), p -> new TreeMap<>())
                .merge(a.status(), 1, Integer::sum));
    List<Answer> held = answers.stream().filter(a -> a.took().compareTo(HELD) > 0).toList();
    String summary =
        "answers by phase and status: " + byPhase + "; held longer than " + HELD + ": " + held;
    System.out.println("BrokerRestartUnderLoadIT " + summary);

    assertTrue(stayedUp, "readiness stayed UP without the broker");
    List<Answer> unexpected = answers.stream().filter(a -> !EXPECTED.contains(a.status())).toList();
    assertTrue(
        unexpected.isEmpty(),
        "only 200 answers; "
            + summary
            + "; unexpected: "
            + unexpected.stream().limit(5).toList()
            + " "
            + TestServer.recentLog(20));
    List<Answer> refusedBadly =
        answers.stream().filter(a -> a.status() == 503 && !a.detail().isEmpty()).toList();
    assertTrue(
        refusedBadly.isEmpty(),
        "every 503 is problem+json with Retry-After: " + refusedBadly.stream().limit(5).toList());
    assertTrue(held.isEmpty(), "no request held longer than " + HELD + ": " + summary);
    assertTrue(
        byPhase.getOrDefault("outage", Map.of()).getOrDefault(200, 0) > 0,
        "served during the outage: " + summary);
    assertTrue(
        byPhase.get("before").getOrDefault(200, 0) > 0, "served before the outage: " + summary);
    assertEquals(
        Set.of(200), byPhase.get("after").keySet(), "all served again after it: " + summary);

    // every create was cancelled: nothing stays booked
    Eventually.await(
        "no booking left live; " + summary,
        Duration.ofSeconds(BOOKING_SECONDS + 20),
        () ->
            Optional.of(
                    gms.get("/admin/pools/" + pool)
                        .json()
                        .getJsonObject("utilisation")
                        .getInt("liveBookings"))
                .filter(live -> live == 0));
    for (String id : created) {
      String state = gms.get("/genesys/1/service/" + id).json().getString("_state");
      assertEquals("CANCELLED", state, id + " ended " + state);
    }
    Eventually.await(
        "the outbox drained once the broker is back",
        Duration.ofSeconds(60),
        () -> Optional.of(stack.count("SELECT count(*) FROM outbox_message")).filter(n -> n == 0));
    assertEquals(0, stack.count("SELECT count(*) FROM pg_prepared_xacts"), "prepared transactions");
  }

  /**
   * One app's round: ask for a number; if given one, cancel it, retrying while refused with 503.
   */
  private void createAndCancel(
      String service, AtomicReference<String> phase, List<Answer> answers, Set<String> created)
      throws InterruptedException {
    String asked = phase.get();
    long start = System.nanoTime();
    // an Idempotency-Key makes the create safe to send again if its connection breaks
    GmsClient app = gms.withHeader("Idempotency-Key", java.util.UUID.randomUUID().toString());
    Reply booked = resendingOnBrokenConnection(() -> app.post("/genesys/1/service/" + service));
    answers.add(new Answer(asked, "create", booked.status(), problemDetail(booked), since(start)));
    if (booked.status() != 200) {
      Thread.sleep(200);
      return;
    }
    String id = booked.json().getString("_id");
    created.add(id);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String cancelAsked = phase.get();
      long cancelStart = System.nanoTime();
      Reply cancelled = resendingOnBrokenConnection(() -> gms.delete("/genesys/1/service/" + id));
      answers.add(
          new Answer(
              cancelAsked,
              "cancel",
              cancelled.status(),
              problemDetail(cancelled),
              since(cancelStart)));
      if (cancelled.status() != 503) {
        return;
      }
      Thread.sleep(200);
    }
  }

  /**
   * Sends once more when the connection broke before an answer came (a kept-alive connection the
   * server closed meanwhile), as HTTP clients do for requests that are safe to repeat.
   */
  private static Reply resendingOnBrokenConnection(java.util.function.Supplier<Reply> request) {
    try {
      return request.get();
    } catch (java.io.UncheckedIOException broken) {
      if (broken.getCause() instanceof java.net.http.HttpTimeoutException) {
        throw broken;
      }
      return request.get();
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Empty when the answer is not a 503, or a proper one: problem+json with Retry-After. */
  private static String problemDetail(Reply reply) {
    if (reply.status() != 503) {
      return "";
    }
    boolean problem = reply.contentType().startsWith("application/problem+json");
    boolean retryAfter = reply.header("Retry-After").isPresent();
    return problem && retryAfter ? "" : reply.toString();
  }
}
