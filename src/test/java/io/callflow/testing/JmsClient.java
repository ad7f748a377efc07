package io.callflow.testing;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The integration tests' JMS driver: a plain Artemis client on the test broker, as an agent desktop
 * or an integration would connect.
 */
public final class JmsClient implements AutoCloseable {

  /** One received message: its {@code type} property and JSON body. */
  public record Received(String type, JsonObject body) {}

  private final ActiveMQConnectionFactory factory;
  private final List<JMSContext> open = new ArrayList<>();

  public JmsClient(String brokerUrl, String user, String password) {
    this.factory = new ActiveMQConnectionFactory(brokerUrl, user, password);
  }

  /** Starts collecting everything published on {@code topic} from now on. */
  public synchronized Subscription subscribe(String topic) {
    JMSContext context = factory.createContext();
    open.add(context);
    Subscription subscription = new Subscription();
    JMSConsumer consumer = context.createConsumer(context.createTopic(topic));
    consumer.setMessageListener(subscription::add);
    context.start();
    return subscription;
  }

  /**
   * Starts collecting what is published on {@code topic} through the shared durable subscription
   * {@code name}: messages published while no client listens (say, across a broker restart) wait in
   * it for the next client that subscribes under that name.
   */
  public synchronized Subscription subscribeDurably(String topic, String name) {
    JMSContext context = factory.createContext();
    open.add(context);
    Subscription subscription = new Subscription();
    JMSConsumer consumer = context.createSharedDurableConsumer(context.createTopic(topic), name);
    consumer.setMessageListener(subscription::add);
    context.start();
    return subscription;
  }

  /**
   * Removes a shared durable subscription made with {@link #subscribeDurably}, so it does not keep
   * every later message of the topic for the rest of the run; its consumers must be closed first.
   */
  public void unsubscribe(String name) {
    try (JMSContext context = factory.createContext()) {
      context.unsubscribe(name);
    }
  }

  /** Sends a JSON text message with a {@code type} property to {@code queue}. */
  public void send(String queue, String type, String json) {
    try (JMSContext context = factory.createContext()) {
      context.createProducer().setProperty("type", type).send(context.createQueue(queue), json);
    }
  }

  /**
   * Publishes a JSON text message with a {@code type} property and extra string properties on
   * {@code topic}.
   */
  public void publish(
      String topic, String type, String json, java.util.Map<String, String> properties) {
    try (JMSContext context = factory.createContext()) {
      var producer = context.createProducer().setProperty("type", type);
      properties.forEach(producer::setProperty);
      producer.send(context.createTopic(topic), json);
    }
  }

  /**
   * Takes the next message from {@code queue}, waiting up to {@code timeout}; null if none came.
   */
  public Received receive(String queue, java.time.Duration timeout) {
    try (JMSContext context = factory.createContext();
        JMSConsumer consumer = context.createConsumer(context.createQueue(queue))) {
      Message message = consumer.receive(timeout.toMillis());
      if (message == null) {
        return null;
      }
      try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
        return new Received(message.getStringProperty("type"), reader.readObject());
      }
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    open.forEach(JMSContext::close);
    open.clear();
    factory.close();
  }

  /** Messages received on one topic since it was subscribed. */
  public static final class Subscription {
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private void add(Message message) {
      try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
        received.add(new Received(message.getStringProperty("type"), reader.readObject()));
      } catch (JMSException e) {
        throw new IllegalStateException(e);
      }
    }

    public List<Received> received() {
      return List.copyOf(received);
    }

    public Received await(String what, Duration timeout, Predicate<Received> matching) {
      return Eventually.await(what, timeout, () -> received.stream().filter(matching).findFirst());
    }

    public boolean anyMatch(Predicate<Received> matching) {
      return received.stream().anyMatch(matching);
    }
  }
}
