package io.callflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What every error answer must be: RFC 9457 problem+json with GMS's members, naming the bad field.
 */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  public static void assertProblem(GmsClient.Reply reply, int status, String field) {
    assertEquals(status, reply.status(), reply::toString);
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    JsonObject problem = reply.json();
    assertEquals(status, problem.getInt("status"));
    assertEquals(status, problem.getInt("code"));
    assertTrue(
        problem.containsKey("phrase")
            && problem.containsKey("message")
            && problem.containsKey("exception"),
        problem::toString);
    assertTrue(
        problem.getJsonArray("invalid_params").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(p -> field.equals(p.getString("name"))),
        () -> field + " not named in " + problem);
  }
}
