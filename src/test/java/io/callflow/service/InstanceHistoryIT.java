package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An instance's history ({@code instance_state_change}): each state it entered, in order, written
 * with the move; forgotten a day after the instance ended, never while it lives.
 */
class InstanceHistoryIT {

  private final GmsClient admin = TestServer.gms();

  @Test
  void anEndedInstancesHistoryIsForgottenADayLaterAndALiveOnesIsKept() throws Exception {
    String pool = Fixtures.pool(admin, "LOCKING", 120, Fixtures.freshNumbers(2));
    String service = Fixtures.interactionService(admin, pool, "");
    String ended = admin.post("/genesys/1/service/" + service).json().getString("_id");
    String live = admin.post("/genesys/1/service/" + service).json().getString("_id");
    assertEquals(200, admin.delete("/genesys/1/service/" + ended).status());
    assertEquals(List.of("ACCESS_ISSUED", "CANCELLED"), states(ended));
    assertEquals(List.of("ACCESS_ISSUED"), states(live));

    // both histories as if written two days ago: only the ended instance's is past keeping
    try (Connection db = TestServer.stack().connectToDatabase();
        PreparedStatement age =
            db.prepareStatement(
                "UPDATE instance_state_change SET changed_at = changed_at - interval '2 days'"
                    + " WHERE instance_id IN (?, ?)")) {
      age.setString(1, ended);
      age.setString(2, live);
      assertEquals(3, age.executeUpdate());
    }

    Eventually.await(
        "the ended instance's history forgotten",
        Duration.ofSeconds(40),
        () -> rows(ended) == 0 ? Optional.of(true) : Optional.empty());
    assertEquals(List.of(), states(ended));
    assertEquals(1, rows(live), "a live instance keeps its history, however old");
    assertEquals(List.of("ACCESS_ISSUED"), states(live));
    assertEquals(200, admin.delete("/genesys/1/service/" + live).status());
  }

  private static long rows(String instance) {
    return TestServer.stack()
        .count("SELECT count(*) FROM instance_state_change WHERE instance_id = ?", instance);
  }

  private List<String> states(String id) {
    return admin
        .get("/admin/console/instances/" + id + "/history")
        .json()
        .getJsonArray("history")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(h -> h.getString("state"))
        .toList();
  }
}
