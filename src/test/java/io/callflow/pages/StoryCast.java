package io.callflow.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.testing.AgentStates;
import io.callflow.testing.Browser;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Who and what a browser story needs besides the browser: a queue and a pool of its own (so no
 * other story's agents or customers meet its own), services configured through the admin API, and
 * agents whose desktops speak the JMS contract.
 */
final class StoryCast implements AutoCloseable {

  final GmsClient gms = TestServer.gms();
  final String queue = Fixtures.uniqueName("q");
  final List<String> numbers = Fixtures.freshNumbers(2);
  final String pool = Fixtures.pool(gms, "LOCKING", 120, numbers);
  private final List<DesktopClient> desktops = new ArrayList<>();

  StoryCast() {
    GmsClient.Reply configured =
        gms.putJson("/admin/queues/" + queue, "{\"options\":{\"_default_handle_time\":\"60\"}}");
    assertEquals(200, configured.status(), configured::toString);
  }

  /** A service running {@code flow} on this queue and pool, with extra options as JSON members. */
  String service(String flow, String extraOptionsJson) {
    String name = Fixtures.uniqueName(flow.replace("request-", ""));
    String options =
        "\"_queue\":\""
            + queue
            + "\",\"_resource_group\":\""
            + pool
            + "\""
            + (extraOptionsJson.isEmpty() ? "" : "," + extraOptionsJson);
    GmsClient.Reply created =
        gms.putJson(
            "/admin/services/" + name, "{\"flow\":\"" + flow + "\",\"options\":{" + options + "}}");
    assertEquals(200, created.status(), created::toString);
    return name;
  }

  /** An agent logged in to this queue and READY, through the JMS desktop contract. */
  DesktopClient readyAgent() {
    DesktopClient desktop = TestServer.desktop(Fixtures.uniqueName("agent"));
    desktops.add(desktop);
    desktop.logIn(List.of(queue), "5" + desktops.size());
    AgentStates.await(gms, desktop.agentId(), "NOT_READY", Browser.PATIENCE);
    desktop.ready();
    AgentStates.await(gms, desktop.agentId(), "READY", Browser.PATIENCE);
    return desktop;
  }

  /** The first {@code type} command for {@code serviceId} the desktop receives. */
  static JsonObject awaitCommand(DesktopClient desktop, String type, String serviceId) {
    return Eventually.await(
        desktop.agentId() + " receives " + type + " for " + serviceId,
        Browser.PATIENCE,
        () ->
            desktop.received().stream()
                .filter(
                    r -> r.type().equals(type) && r.body().getString("serviceId").equals(serviceId))
                .findFirst()
                .map(DesktopClient.Received::body));
  }

  @Override
  public void close() {
    desktops.forEach(
        desktop -> {
          try {
            desktop.logOut();
          } finally {
            desktop.close();
          }
        });
  }
}
