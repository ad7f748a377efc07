package io.callflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.OpenApiCompletenessIT.Operation;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link OpenApiCompletenessIT} finds missing, on documents made for the purpose. */
class OpenApiCompletenessTest {

  private static final Operation CREATE_POOL =
      new Operation("post", "/admin/pools", List.of(), true);

  @Test
  void anOperationAsTheAnnotationScanDescribesItLacksEverything() {
    // Payara's scan of a resource method without OpenAPI annotations
    JsonObject scanned =
        json(
            """
            {"paths":{"/admin/pools":{"post":{
              "requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}},
              "responses":{"default":{"description":"Default Response.",
                "content":{"application/json":{"schema":{"type":"object"}}}}}}}}}
            """);

    assertEquals(
        List.of(
            "POST /admin/pools: no success answer (2xx)",
            "POST /admin/pools: request body application/json has no schema of its own",
            "POST /admin/pools: request body has no example",
            "POST /admin/pools: no problem answer",
            "POST /admin/pools: reads a body, documents no 400",
            "POST /admin/pools: needs an administrator, documents no 401"),
        OpenApiCompletenessIT.gaps(scanned, List.of(CREATE_POOL)));
  }

  @Test
  void aDocumentedOperationHasNoGaps() {
    JsonObject documented =
        json(
            """
            {"paths":{"/admin/pools":{"post":{
              "requestBody":{"$ref":"#/components/requestBodies/Pool"},
              "responses":{
                "201":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pool"},
                  "example":{"name":"SALES"}}}},
                "400":{"$ref":"#/components/responses/BadRequest"},
                "401":{"content":{"application/problem+json":{
                  "schema":{"$ref":"#/components/schemas/Problem"},"example":{"status":401}}}}}}}},
             "components":{
              "requestBodies":{"Pool":{"content":{"application/json":{
                "schema":{"$ref":"#/components/schemas/Pool"},"example":{"name":"SALES"}}}}},
              "responses":{"BadRequest":{"content":{"application/problem+json":{
                "schema":{"$ref":"#/components/schemas/Problem"},"example":{"status":400}}}}}}}
            """);

    assertEquals(List.of(), OpenApiCompletenessIT.gaps(documented, List.of(CREATE_POOL)));
  }

  @Test
  void aProblemAnswerMustBeProblemJsonWithAnExample() {
    JsonObject plain =
        json(
            """
            {"paths":{"/admin/pools/{name}":{"get":{
              "responses":{
                "200":{"content":{"application/json":{"schema":{"type":"object"},"example":{}}}},
                "401":{"content":{"application/problem+json":{
                  "schema":{"$ref":"#/components/schemas/Problem"}}}},
                "404":{"content":{"application/json":{"schema":{"type":"object"}}}}}}}}}
            """);

    assertEquals(
        List.of(
            "GET /admin/pools/{name}: problem answer 401 has no example",
            "GET /admin/pools/{name}: problem answer 404 is not application/problem+json"),
        OpenApiCompletenessIT.gaps(
            plain, List.of(new Operation("get", "/admin/pools/{name}", List.of(), false))));
  }

  private static JsonObject json(String text) {
    try (var reader = Jsonp.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
