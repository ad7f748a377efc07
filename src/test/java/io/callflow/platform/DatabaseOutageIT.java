package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.launcher.CallflowStack;
import io.callflow.testing.Eventually;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With the database gone, requests are refused with 503 problem+json in bounded time (about ten
 * seconds here, the connection pool's attempt to open a connection), never a 500, and served again
 * after.
 */
class DatabaseOutageIT {

  private final GmsClient gms = TestServer.gms();

  @Test
  void requestsGetA503WhileTheDatabaseIsDownAndAnswersAfterItIsBack() throws Exception {
    CallflowStack stack = TestServer.stack();
    stack.stopDatabase();
    try {
      Instant begin = Instant.now();
      for (String path :
          new String[] {"/genesys/1/service/request-interaction", "/admin/pools/DNIS"}) {
        Instant asked = Instant.now();
        Reply refused = path.startsWith("/admin") ? gms.get(path) : gms.post(path);
        Duration took = Duration.between(asked, Instant.now());
        System.out.println(
            "DatabaseOutageIT: "
                + path
                + " answered "
                + refused.status()
                + " in "
                + took.toMillis()
                + " ms");
        assertTrue(
            took.compareTo(Duration.ofSeconds(20)) < 0,
            "answered in bounded time, not hung: " + took);
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        assertEquals(
            "DatabaseUnavailable", refused.json().getString("exception"), refused::toString);
        assertTrue(refused.header("Retry-After").isPresent(), refused::toString);
      }
      Reply unknown = gms.get("/genesys/1/service/" + UUID.randomUUID());
      assertEquals(503, unknown.status(), "not a 404 it cannot know: " + unknown);
      assertTrue(
          Duration.between(begin, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0,
          "refused, not hung");
      Eventually.await(
          "readiness DOWN",
          Duration.ofSeconds(30),
          () -> Optional.of(gms.get("/health/ready")).filter(r -> r.status() == 503));
    } finally {
      stack.startDatabase();
    }
    Eventually.await(
        "readiness UP again",
        Duration.ofSeconds(60),
        () -> Optional.of(gms.get("/health/ready")).filter(r -> r.status() == 200));
    Eventually.await(
        "request-interaction served again",
        Duration.ofSeconds(60),
        () ->
            Optional.of(gms.post("/genesys/1/service/request-interaction"))
                .filter(r -> r.status() == 200));
  }
}
