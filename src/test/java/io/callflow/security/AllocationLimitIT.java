package io.callflow.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * One client cannot drain a pool: past its per-minute allocations it gets 429, others are served.
 */
class AllocationLimitIT {

  private final GmsClient gms = TestServer.gms();

  @Test
  void aClientPastItsAllocationsPerMinuteGets429AndOthersAreServed() {
    String pool = Fixtures.pool(gms, "LOCKING", 60, Fixtures.freshNumbers(6));
    String service =
        Fixtures.interactionService(gms, pool, "\"_allocations_per_client_per_minute\":\"3\"");
    GmsClient greedy = gms.withHeader("gms_user", Fixtures.uniqueName("greedy"));
    for (int i = 0; i < 3; i++) {
      assertEquals(200, greedy.post("/genesys/1/service/" + service).status());
    }

    Reply refused = greedy.post("/genesys/1/service/" + service);
    assertEquals(429, refused.status(), refused::toString);
    assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
    assertEquals("RateLimited", refused.json().getString("exception"));
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElse("0"));
    assertTrue(
        retryAfter >= 1 && retryAfter <= 20,
        "a token comes back within 20 s at 3 a minute: " + retryAfter);

    GmsClient fair = gms.withHeader("gms_user", Fixtures.uniqueName("fair"));
    assertEquals(
        200,
        fair.post("/genesys/1/service/" + service).status(),
        "another client is not held back");
    assertEquals(
        4,
        gms.get("/admin/pools/" + pool).json().getJsonObject("utilisation").getInt("liveBookings"),
        "the refused request booked nothing");
  }
}
