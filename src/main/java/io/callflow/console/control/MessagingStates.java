package io.callflow.console.control;

import io.callflow.console.entity.Messaging;
import io.callflow.platform.health.BrokerHealthCheck;
import io.callflow.platform.messaging.OutboxMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reads the broker's state as the readiness check sees it (one browse round trip) and the outbox's
 * oldest waiting message. Called by the console's beat while a console is open, never by a request
 * of an app.
 */
@ApplicationScoped
public class MessagingStates {

  @Inject @Readiness BrokerHealthCheck broker;
  @Inject OutboxMetrics outbox;

  public Messaging now() {
    HealthCheckResponse health = broker.call();
    Map<String, Object> data = health.getData().orElse(Map.of());
    long backlog = data.get("outboxBacklog") instanceof Number n ? n.longValue() : outbox.backlog();
    return new Messaging(
        "UP".equals(String.valueOf(data.get("broker"))),
        text(data.get("error")),
        text(data.get("relayError")),
        backlog,
        backlog > 0 ? outbox.oldestWaiting() : Optional.empty());
  }

  private static Optional<String> text(Object value) {
    return Optional.ofNullable(value).map(String::valueOf);
  }
}
