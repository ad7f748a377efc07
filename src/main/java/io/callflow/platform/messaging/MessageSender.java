package io.callflow.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.time.Duration;
import java.util.Map;

/**
 * Sends JSON text messages with a {@code type} property. Called inside a transaction, the message
 * joins it (XA): it reaches the broker only if the transaction commits.
 */
@ApplicationScoped
public class MessageSender {

  @Resource(lookup = CallflowConnectionFactory.JNDI_NAME)
  ConnectionFactory connectionFactory;

  /** Enqueues {@code json} on {@code queue}, delivered no earlier than {@code delay} from now. */
  public void enqueue(String queue, String type, String json, Duration delay) {
    try (JMSContext context = connectionFactory.createContext()) {
      JMSProducer producer = context.createProducer().setProperty(Destinations.TYPE_PROPERTY, type);
      if (!delay.isZero() && !delay.isNegative()) {
        producer.setDeliveryDelay(delay.toMillis());
      }
      producer.send(context.createQueue(queue), json);
    }
  }

  /** Enqueues {@code json} on {@code queue} for immediate delivery. */
  public void enqueue(String queue, String type, String json) {
    enqueue(queue, type, json, Duration.ZERO);
  }

  /** Publishes {@code json} on {@code topic}. */
  public void publish(String topic, String type, String json) {
    publish(topic, type, json, Map.of());
  }

  /**
   * Publishes {@code json} on {@code topic} with extra string properties, for subscribers'
   * selectors.
   */
  public void publish(String topic, String type, String json, Map<String, String> properties) {
    try (JMSContext context = connectionFactory.createContext()) {
      JMSProducer producer = context.createProducer().setProperty(Destinations.TYPE_PROPERTY, type);
      properties.forEach(producer::setProperty);
      producer.send(context.createTopic(topic), json);
    }
  }
}
