package io.callflow.desktop.reference;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One agent's desktop: sends AgentLogin, AgentState and CallResult to {@code callflow.desktop.in}
 * and receives the Reserved, Offer and Revoked messages addressed to its agent on {@code
 * callflow.desktop.out}, selected by the {@code agentId} property.
 */
public final class DesktopClient implements AutoCloseable {

  public static final String DESKTOP_IN = "callflow.desktop.in";
  public static final String DESKTOP_OUT = "callflow.desktop.out";

  /** A message from the server: its {@code type} property (Reserved, Offer, Revoked) and body. */
  public record Received(String type, JsonObject body) {}

  private final String agentId;
  private final ActiveMQConnectionFactory factory;
  private final JMSContext listening;
  private final List<Received> received = new ArrayList<>();
  private volatile Consumer<Received> onReceived = message -> {};

  private DesktopClient(String brokerUrl, String user, String password, String agentId) {
    this.agentId = agentId;
    this.factory = new ActiveMQConnectionFactory(brokerUrl, user, password);
    this.listening = factory.createContext();
    // the selector keeps other agents' messages off this desktop; quotes in ids are doubled in
    // selectors
    String selector = "agentId = '" + agentId.replace("'", "''") + "'";
    JMSConsumer consumer = listening.createConsumer(listening.createTopic(DESKTOP_OUT), selector);
    consumer.setMessageListener(this::receive);
    listening.start();
  }

  /**
   * Connects to the broker (e.g. {@code tcp://127.0.0.1:61616}) as {@code agentId}'s desktop, with
   * the broker user of desktops (role {@code desktop}: send to callflow.desktop.in, read
   * callflow.desktop.out).
   */
  public static DesktopClient connect(
      String brokerUrl, String user, String password, String agentId) {
    return new DesktopClient(brokerUrl, user, password, agentId);
  }

  public String agentId() {
    return agentId;
  }

  /** Called for every message received from now on (on the JMS client's thread). */
  public DesktopClient onReceived(Consumer<Received> listener) {
    this.onReceived = listener;
    return this;
  }

  public void logIn(List<String> queues, String extension) {
    send(
        "AgentLogin",
        Json.createObjectBuilder()
            .add("agentId", agentId)
            .add("queues", Json.createArrayBuilder(queues))
            .add("extension", extension)
            .build()
            .toString());
  }

  public void ready() {
    state("READY");
  }

  public void notReady() {
    state("NOT_READY");
  }

  public void wrapUp() {
    state("WRAP_UP");
  }

  public void logOut() {
    state("LOGOUT");
  }

  /** Reports {@code state}, one of READY, NOT_READY, WRAP_UP, LOGOUT. */
  public void state(String state) {
    send(
        "AgentState",
        Json.createObjectBuilder().add("agentId", agentId).add("state", state).build().toString());
  }

  /**
   * Reports what became of the call for {@code serviceId}: CONNECTED, NO_ANSWER, BUSY, FAILED,
   * COMPLETED.
   */
  public void callResult(String serviceId, String result) {
    callResult(serviceId, result, 0);
  }

  /**
   * Reports the result of attempt {@code attempt} of an outbound call (the Offer's {@code attempt};
   * 0: none).
   */
  public void callResult(String serviceId, String result, int attempt) {
    var report =
        Json.createObjectBuilder()
            .add("serviceId", serviceId)
            .add("agentId", agentId)
            .add("result", result);
    if (attempt > 0) {
      report.add("attempt", attempt);
    }
    send("CallResult", report.build().toString());
  }

  /** Sends any body under any type, as a misbehaving desktop would. */
  public void send(String type, String body) {
    try (JMSContext context = factory.createContext()) {
      // the group keeps one agent's messages in order even when several server instances consume
      context
          .createProducer()
          .setProperty("type", type)
          .setProperty("JMSXGroupID", agentId)
          .send(context.createQueue(DESKTOP_IN), body);
    }
  }

  /** Every message received so far. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * The first message received (so far or within {@code timeout}) that matches; empty if none came.
   */
  public synchronized Optional<Received> await(Predicate<Received> matching, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<Received> found = received.stream().filter(matching).findFirst();
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (found.isPresent() || left <= 0) {
        return found;
      }
      wait(left);
    }
  }

  private void receive(Message message) {
    Received one;
    try (JsonReader reader = Json.createReader(new StringReader(message.getBody(String.class)))) {
      one = new Received(message.getStringProperty("type"), reader.readObject());
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable message from the server", e);
    }
    synchronized (this) {
      received.add(one);
      notifyAll();
    }
    onReceived.accept(one);
  }

  @Override
  public void close() {
    listening.close();
    factory.close();
  }
}
