package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.launcher.CallflowStack;
import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.Eventually;
import io.callflow.testing.Fixtures;
import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.JmsClient;
import io.callflow.testing.TestServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The server killed (kill -9) while its relay drains a backlog of the outbox: after the restart
 * every message reaches the broker, and none twice (the relay sends its last batch again; the
 * broker's duplicate detection drops the copies).
 */
class OutboxRelayCrashIT {

  private static final int INSTANCES = 300;
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final GmsClient gms = TestServer.gms();

  @Test
  void everyMessageOfAKilledRelayIsDeliveredOnce() throws Exception {
    CallflowStack stack = TestServer.stack();
    String pool = Fixtures.pool(gms, "LOCKING", 600, Fixtures.freshNumbers(INSTANCES));
    String service = Fixtures.interactionService(gms, pool, "");
    Set<String> ids = new HashSet<>();
    // durable, so that what the relay sends between the broker's return and this test's new
    // subscription waits for it
    String subscription = Fixtures.uniqueName("relay-crash");
    JmsClient before = TestServer.jms();
    before.subscribeDurably(Destinations.EVENTS, subscription);
    before.close();
    stack.stopBroker();
    try {
      for (int i = 0; i < INSTANCES; i++) {
        Reply created = gms.post("/genesys/1/service/" + service);
        assertEquals(200, created.status(), created::toString);
        ids.add(created.json().getString("_id"));
      }
    } finally {
      stack.startBroker();
    }
    JmsClient jms = TestServer.jms();
    try {
      JmsClient.Subscription events = jms.subscribeDurably(Destinations.EVENTS, subscription);
      events.await("the relay draining the backlog", PATIENCE, m -> ids.contains(serviceIdOf(m)));
      stack.killServer();
      stack.startServer();
      stack.awaitListeners(CallflowStack.LISTENER_TIMEOUT);

      Eventually.await(
          "every booking and state change of the instances delivered",
          PATIENCE,
          () -> Optional.of(ofInstances(events, ids)).filter(m -> m.size() >= 2 * INSTANCES));
      Eventually.await(
          "the outbox empty",
          PATIENCE,
          () ->
              Optional.of(stack.count("SELECT count(*) FROM outbox_message")).filter(n -> n == 0));
      List<JmsClient.Received> delivered = ofInstances(events, ids);
      Map<String, Long> copies =
          delivered.stream()
              .collect(
                  Collectors.groupingBy(m -> m.body().getString("eventId"), Collectors.counting()));
      assertEquals(
          Map.of(),
          copies.entrySet().stream()
              .filter(e -> e.getValue() > 1)
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
          "events delivered more than once");
      assertEquals(
          ids,
          delivered.stream()
              .filter(m -> "AccessNumberBooked".equals(m.type()))
              .map(OutboxRelayCrashIT::serviceIdOf)
              .collect(Collectors.toSet()),
          "a booking event for every instance");
      assertEquals(2 * INSTANCES, delivered.size(), "two events per instance");
    } finally {
      jms.close();
      JmsClient cleanup = TestServer.jms();
      try {
        cleanup.unsubscribe(subscription);
      } finally {
        cleanup.close();
      }
    }
  }

  private static List<JmsClient.Received> ofInstances(
      JmsClient.Subscription events, Set<String> ids) {
    Function<JmsClient.Received, String> id = OutboxRelayCrashIT::serviceIdOf;
    return events.received().stream().filter(m -> ids.contains(id.apply(m))).toList();
  }

  private static String serviceIdOf(JmsClient.Received message) {
    return message.body().getString("serviceId", "");
  }
}
