package io.callflow.routing.boundary;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.CallflowConnectionFactory;
import io.callflow.platform.messaging.ConsumedMessages;
import io.callflow.platform.messaging.Destinations;
import io.callflow.routing.control.Dispatcher;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.logging.Logger;

/**
 * Dispatches a queue when something may have changed who can be paired: a customer queued, an agent
 * turned READY or was freed, a snooze ended. A dispatch with nothing to do does nothing, so
 * duplicates and late messages are harmless; several sessions dispatch in parallel without taking
 * one row twice.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = CallflowConnectionFactory.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.ROUTING),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(
          propertyName = "connectorClassName",
          propertyValue = CallflowConnectionFactory.BROKER_CONNECTOR),
      @ActivationConfigProperty(
          propertyName = "connectionParameters",
          propertyValue = CallflowConnectionFactory.BROKER_PARAMETERS),
      @ActivationConfigProperty(
          propertyName = "user",
          propertyValue = CallflowConnectionFactory.BROKER_USER),
      @ActivationConfigProperty(
          propertyName = "password",
          propertyValue = CallflowConnectionFactory.BROKER_PASSWORD),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "3"),
      // no prefetch: a dispatch must never wait in the buffer of a session busy with a long one
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(DispatchConsumer.class.getName());

  @Inject Dispatcher dispatcher;

  @Inject ConsumedMessages consumed;

  @Override
  public void onMessage(Message message) {
    consumed.once(message, () -> carryOut(message));
  }

  private void carryOut(Message message) {
    String body;
    try {
      body = message.getBody(String.class);
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable dispatch message", e);
    }
    String queue;
    try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
      queue = reader.readObject().getString("queue");
    } catch (JsonException | ClassCastException | NullPointerException e) {
      LOG.warning("Dropping a dispatch message without a queue: " + body);
      return; // only this server writes them; a bad one would fail the same way on every redelivery
    }
    int paired = dispatcher.dispatch(queue);
    if (paired > 0) {
      LOG.fine(() -> "Dispatched " + paired + " customer(s) in queue " + queue);
    }
  }
}
