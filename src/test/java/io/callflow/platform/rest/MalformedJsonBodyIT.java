package io.callflow.platform.rest;

import io.callflow.testing.GmsClient;
import io.callflow.testing.ProblemAssertions;
import io.callflow.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Resources that take their body as a JSON object answer a body that is no JSON object with a 400
 * naming {@code body}, like those that read it themselves.
 */
class MalformedJsonBodyIT {

  private final GmsClient admin = TestServer.gms();

  @Test
  void aDesktopSignInThatIsNotJsonIsABadRequest() {
    ProblemAssertions.assertProblem(post("/api/desktop/session", "{\"agentId\":nope"), 400, "body");
    ProblemAssertions.assertProblem(post("/api/desktop/session", "[\"agent1\"]"), 400, "body");
    ProblemAssertions.assertProblem(post("/api/desktop/session", ""), 400, "body");
  }

  @Test
  void aRetryOfAPushGivenUpThatIsNotJsonIsABadRequest() {
    ProblemAssertions.assertProblem(
        post("/admin/console/deliveries/no-event/no-subscription/retry", "{"), 400, "body");
  }

  private GmsClient.Reply post(String path, String body) {
    return admin.post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }
}
