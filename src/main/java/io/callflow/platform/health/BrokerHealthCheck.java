package io.callflow.platform.health;

import io.callflow.platform.messaging.CallflowConnectionFactory;
import io.callflow.platform.messaging.Destinations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the broker answers a round trip now: browsing a queue needs the server, whereas
 * opening a pooled context may succeed on a connection that died a moment ago.
 */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

  @Resource(lookup = CallflowConnectionFactory.JNDI_NAME)
  ConnectionFactory connectionFactory;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health = HealthCheckResponse.named("broker");
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser =
            context.createBrowser(context.createQueue(Destinations.DIAGNOSTICS))) {
      browser.getEnumeration().hasMoreElements();
      return health.up().build();
    } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
      return health.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
