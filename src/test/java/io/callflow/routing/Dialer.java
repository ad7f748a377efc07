package io.callflow.routing;

import io.callflow.launcher.BrokerAccount;
import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.JmsClient;
import io.callflow.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * A dialer stand-in on the real broker: takes Dial commands off callflow.dialer and reports what
 * became of each call as a CallResult on callflow.desktop.in, as a dialer integration would.
 */
final class Dialer implements AutoCloseable {

  static final String AGENT_ID = "dialer";

  private final JmsClient jms = TestServer.jms(BrokerAccount.DIALER);

  /**
   * The next Dial command for {@code serviceId} within {@code timeout} (others' are taken and
   * dropped).
   */
  Optional<JsonObject> nextDial(String serviceId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JmsClient.Received dial =
          jms.receive(Destinations.DIALER, Duration.ofNanos(deadline - System.nanoTime()));
      if (dial != null && serviceId.equals(dial.body().getString("serviceId"))) {
        return Optional.of(dial.body());
      }
    }
    return Optional.empty();
  }

  void report(String serviceId, String result, int attempt) {
    jms.send(
        Destinations.DESKTOP_IN,
        "CallResult",
        Json.createObjectBuilder()
            .add("serviceId", serviceId)
            .add("agentId", AGENT_ID)
            .add("result", result)
            .add("attempt", attempt)
            .build()
            .toString());
  }

  @Override
  public void close() {
    jms.close();
  }
}
