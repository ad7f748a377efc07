package io.callflow.platform.health;

import io.callflow.platform.messaging.CallflowConnectionFactory;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.OutboxMetrics;
import io.callflow.platform.messaging.OutboxRelay;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker's state and the outbox backlog, for operators. Always UP: requests never wait for the
 * broker (what they cause waits in the outbox), so a load balancer must keep sending traffic while
 * the broker is away. Reachability is a round trip now: browsing a queue needs the server, whereas
 * opening a pooled context may succeed on a connection that died a moment ago.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

  @Resource(lookup = CallflowConnectionFactory.JNDI_NAME)
  ConnectionFactory connectionFactory;

  @Inject OutboxMetrics outbox;
  @Inject OutboxRelay relay;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("broker").up().withData("outboxBacklog", outbox.backlog());
    relay.brokerProblem().ifPresent(problem -> health.withData("relayError", problem));
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser =
            context.createBrowser(context.createQueue(Destinations.DIAGNOSTICS))) {
      browser.getEnumeration().hasMoreElements();
      return health.withData("broker", "UP").build();
    } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
      return health
          .withData("broker", "DOWN")
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
