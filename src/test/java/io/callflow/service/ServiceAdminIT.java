package io.callflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The services' admin API over HTTP. Built-in services are shared with every other test of the run:
 * this one reads them and writes back only what it read.
 */
class ServiceAdminIT {

  private static final String SERVICES = "/admin/services";
  private static final String PROBLEM = "application/problem+json";

  private final GmsClient gms = TestServer.gms();

  @Test
  void listHasTheBuiltInServicesUnderTheirGmsNames() {
    Reply list = gms.get(SERVICES);
    assertEquals(200, list.status(), list::toString);
    Map<String, JsonObject> services =
        array(list).getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(s -> s.getString("name"), Function.identity()));
    for (String builtIn :
        List.of(
            "request-interaction",
            "request-inbound-immediate",
            "request-inbound-delay",
            "request-inbound-delay-location",
            "request-inbound-poll",
            "request-outbound-immediate",
            "request-outbound-delay",
            "request-outbound-poll",
            "request-access",
            "match-interaction")) {
      JsonObject service = services.get(builtIn);
      assertEquals(builtIn, service.getString("flow"), () -> builtIn + " in " + services.keySet());
      assertTrue(service.getBoolean("builtIn"), builtIn);
    }
  }

  @Test
  void builtInServiceIsReadWithItsOptions() {
    JsonObject service = ok(gms.get(SERVICES + "/request-interaction"));
    assertEquals("request-interaction", service.getString("name"));
    assertEquals("request-interaction", service.getString("flow"));
    assertEquals("DNIS", service.getJsonObject("options").getString("_resource_group"));
    assertTrue(service.getBoolean("builtIn"));
  }

  @Test
  void unknownServiceIsNotFound() {
    Reply missing = gms.get(SERVICES + "/no-such-service-" + suffix());
    assertEquals(404, missing.status(), missing::toString);
    assertEquals(PROBLEM, missing.contentType());
  }

  @Test
  void newServiceIsCreatedThenReplaced() {
    String name = "sales-callback-" + suffix();
    JsonObject created =
        ok(
            gms.putJson(
                SERVICES + "/" + name,
                "{\"flow\":\"request-outbound-delay\","
                    + "\"options\":{\"_queue\":\"default\",\"_delay_seconds\":60,\"_provide_code\":false}}"));
    assertEquals(name, created.getString("name"));
    assertEquals("request-outbound-delay", created.getString("flow"));
    assertEquals(
        Json.createObjectBuilder()
            .add("_queue", "default")
            .add("_delay_seconds", "60")
            .add("_provide_code", "false")
            .build(),
        created.getJsonObject("options"));
    assertFalse(created.getBoolean("builtIn"));
    assertEquals(created, ok(gms.get(SERVICES + "/" + name)));

    JsonObject replaced =
        ok(
            gms.putJson(
                SERVICES + "/" + name,
                "{\"flow\":\"request-outbound-immediate\","
                    + "\"options\":{\"_queue\":\"default\"}}"));
    assertEquals("request-outbound-immediate", replaced.getString("flow"));
    assertEquals(
        Json.createObjectBuilder().add("_queue", "default").build(),
        replaced.getJsonObject("options"));
    assertTrue(
        array(gms.get(SERVICES)).getValuesAs(JsonObject.class).stream()
            .anyMatch(s -> name.equals(s.getString("name"))));
  }

  @Test
  void serviceMayNameAPoolCreatedThroughTheAdminApi() {
    String pool = "it-svc-pool-" + suffix();
    Reply created =
        gms.postJson("/admin/pools", "{\"name\":\"" + pool + "\",\"allocation\":\"LOCKING\"}");
    assertEquals(201, created.status(), created::toString);
    JsonObject service =
        ok(
            gms.putJson(
                SERVICES + "/access-" + suffix(),
                "{\"flow\":\"request-access\","
                    + "\"options\":{\"_resource_group\":\""
                    + pool
                    + "\"}}"));
    assertEquals(pool, service.getJsonObject("options").getString("_resource_group"));
  }

  @Test
  void builtInServiceMayBeReconfiguredAndStaysBuiltIn() {
    JsonObject before = ok(gms.get(SERVICES + "/request-access"));
    String unchanged =
        Json.createObjectBuilder()
            .add("flow", before.getString("flow"))
            .add("options", before.getJsonObject("options"))
            .build()
            .toString();
    JsonObject after = ok(gms.putJson(SERVICES + "/request-access", unchanged));
    assertEquals(before, after);
    assertTrue(after.getBoolean("builtIn"));
  }

  @Test
  void flowMustBeOneOfGmsFlows() {
    assertBadRequest(
        "flow", gms.putJson(SERVICES + "/bad-" + suffix(), "{\"flow\":\"request-everything\"}"));
    assertBadRequest("flow", gms.putJson(SERVICES + "/bad-" + suffix(), "{\"options\":{}}"));
  }

  @Test
  void optionNamesStartWithAnUnderscore() {
    assertBadRequest("options.queue", putAccessService("{\"queue\":\"x\"}"));
    assertBadRequest("options._queue", putAccessService("{\"_queue\":[1]}"));
  }

  @Test
  void resourceGroupMustNameAnExistingPool() {
    String name = "bad-" + suffix();
    assertBadRequest(
        "options._resource_group",
        gms.putJson(
            SERVICES + "/" + name,
            "{\"flow\":\"request-access\","
                + "\"options\":{\"_resource_group\":\"no-such-pool-"
                + suffix()
                + "\"}}"));
    Reply missing = gms.get(SERVICES + "/" + name);
    assertEquals(404, missing.status(), "a refused service is not created: " + missing);
  }

  @Test
  void aConfiguredPoolThatIsGoneIsTheServersFaultAndARequestedOneTheApps() {
    String pool = Fixtures.pool(gms, "LOCKING", 30, Fixtures.freshNumbers(1));
    String service = Fixtures.interactionService(gms, pool, "");
    Reply deleted = gms.delete("/admin/pools/" + pool);
    assertEquals(200, deleted.status(), deleted::toString);

    Reply configured = gms.post("/genesys/1/service/" + service);
    assertEquals(503, configured.status(), configured::toString);
    assertEquals(PROBLEM, configured.contentType(), configured::toString);
    assertEquals(
        "PoolNotConfigured", configured.json().getString("exception"), configured::toString);
    assertEquals(pool, configured.json().getString("pool"), configured::toString);
    assertTrue(configured.json().getString("detail").contains(pool), configured::toString);
    assertTrue(configured.header("Retry-After").isPresent(), configured::toString);

    assertBadRequest(
        "_resource_group",
        gms.postForm(
            "/genesys/1/service/" + service,
            java.util.Map.of("_resource_group", "no-such-pool-" + suffix())));
  }

  @Test
  void gmsSpellingsAreUnderstoodAndWhatIsNotActedOnIsListed() {
    JsonObject service =
        ok(
            gms.putJson(
                SERVICES + "/copied-" + suffix(),
                "{\"flow\":\"request-inbound-delay\",\"options\":{"
                    + "\"_urs_virtual_queue\":\"default\",\"_urs_queued_ttl\":\"600\","
                    + "\"_target\":\"default@StatServer.GA\",\"_media_type\":\"voice\","
                    + "\"_eta_pos_threshold\":\"0:10,10:5\",\"_provide_cod\":\"true\"}}"));
    assertEquals(
        java.util.Set.of("_media_type", "_eta_pos_threshold", "_provide_cod"),
        service.getJsonArray("warnings").getValuesAs(JsonObject.class).stream()
            .peek(w -> assertFalse(w.getString("reason").isBlank(), w::toString))
            .map(w -> w.getString("name"))
            .collect(Collectors.toSet()),
        service::toString);
    assertEquals("voice", service.getJsonObject("options").getString("_media_type"), "stored");
    assertEquals(
        0,
        ok(gms.get(SERVICES + "/match-interaction")).getJsonArray("warnings").size(),
        "a built-in has nothing to warn about");
    assertBadRequest("options._urs_queued_ttl", putAccessService("{\"_urs_queued_ttl\":\"soon\"}"));
  }

  @Test
  void malformedBodyIsABadRequestNamingTheBody() {
    assertBadRequest("body", gms.putJson(SERVICES + "/bad-" + suffix(), "{\"flow\":"));
  }

  private Reply putAccessService(String options) {
    return gms.putJson(
        SERVICES + "/bad-" + suffix(), "{\"flow\":\"request-access\",\"options\":" + options + "}");
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject ok(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return reply.json();
  }

  private static void assertBadRequest(String field, Reply reply) {
    assertEquals(400, reply.status(), reply::toString);
    assertEquals(PROBLEM, reply.contentType(), reply::toString);
    assertTrue(
        reply.json().getJsonArray("invalid_params").getValuesAs(JsonObject.class).stream()
            .anyMatch(p -> field.equals(p.getString("name"))),
        reply::toString);
  }

  private static JsonArray array(Reply reply) {
    try (JsonReader reader = Json.createReader(new StringReader(reply.body()))) {
      return reader.readArray();
    }
  }
}
