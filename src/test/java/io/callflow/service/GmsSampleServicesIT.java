package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GMS's sample names for the outbound flows are built-in services: an app written against GMS's
 * samples posts to them and is answered exactly as by the flow each stands for.
 */
class GmsSampleServicesIT {

  private final GmsClient gms = TestServer.gms();

  @ParameterizedTest(name = "{0} runs {1}")
  @CsvSource({
    "a2c-advanced-sync-enterprise-initiated, request-outbound-immediate",
    "a2c-advanced-async-enterprise-initiated, request-outbound-delay",
    "a2c-advanced-poll-enterprise-initiated, request-outbound-poll"
  })
  void sampleNameAnswersAsItsFlow(String sample, String flow) {
    JsonObject configured = ok(gms.get("/admin/services/" + sample));
    assertEquals(flow, configured.getString("flow"));
    assertTrue(configured.getBoolean("builtIn"), configured::toString);

    JsonObject bySample = create(sample, "+14155550181");
    JsonObject byFlow = create(flow, "+14155550182");
    assertEquals(withoutIds(byFlow), withoutIds(bySample), "the answer of " + sample);
    cancel(bySample);
    cancel(byFlow);
  }

  private JsonObject create(String service, String phone) {
    return ok(gms.postForm("/genesys/1/service/" + service, Map.of("_phone_number", phone)));
  }

  private void cancel(JsonObject created) {
    Reply cancelled = gms.delete("/genesys/1/service/" + created.getString("_id"));
    assertEquals(200, cancelled.status(), cancelled::toString);
  }

  /**
   * The answer without what differs between any two creates: the ids, and the place in the queue
   * (the second create waits behind the first), whose members must be there all the same.
   */
  private static Map<String, JsonValue> withoutIds(JsonObject answer) {
    Map<String, JsonValue> rest = new HashMap<>(answer);
    rest.remove("_id");
    rest.remove("_data_id");
    for (String place : List.of("_position", "_total_waiting", "ewt", "_eta")) {
      if (rest.containsKey(place)) {
        rest.put(place, JsonValue.TRUE);
      }
    }
    return rest;
  }

  private static JsonObject ok(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }
}
