package io.callflow.routing;

import static io.callflow.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import org.junit.jupiter.api.Test;

class QueueAdminIT {

  private final GmsClient gms = TestServer.gms();

  @Test
  void theDefaultQueueIsSeeded() {
    Reply queue = gms.get("/admin/queues/default");
    assertEquals(200, queue.status(), queue::toString);
    assertEquals("default", queue.json().getString("name"));
    assertTrue(gms.get("/admin/queues").body().contains("\"default\""));
  }

  @Test
  void queuesAreCreatedAndReconfiguredByPut() {
    String name = Fixtures.uniqueName("sales");
    Reply created =
        gms.putJson("/admin/queues/" + name, "{\"options\":{\"_default_handle_time\":180}}");
    assertEquals(200, created.status(), created::toString);
    assertEquals("180", created.json().getJsonObject("options").getString("_default_handle_time"));
    Reply changed =
        gms.putJson("/admin/queues/" + name, "{\"options\":{\"_default_handle_time\":\"240\"}}");
    assertEquals("240", changed.json().getJsonObject("options").getString("_default_handle_time"));
    assertEquals(
        "240",
        gms.get("/admin/queues/" + name)
            .json()
            .getJsonObject("options")
            .getString("_default_handle_time"));
    assertTrue(gms.get("/admin/queues").body().contains("\"" + name + "\""));
  }

  @Test
  void badQueuesAreProblemsNamingTheField() {
    assertEquals(404, gms.get("/admin/queues/no-such-queue").status());
    assertProblem(gms.putJson("/admin/queues/bad%20name", "{}"), 400, "name");
    assertProblem(
        gms.putJson("/admin/queues/" + Fixtures.uniqueName("q"), "{\"options\":{\"_x\":[1]}}"),
        400,
        "options._x");
    assertProblem(gms.putJson("/admin/queues/" + Fixtures.uniqueName("q"), "[1]"), 400, "body");
  }
}
