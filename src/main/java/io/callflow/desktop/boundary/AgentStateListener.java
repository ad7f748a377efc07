package io.callflow.desktop.boundary;

import io.callflow.desktop.control.AgentEventPublisher;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.CallflowConnectionFactory;
import io.callflow.platform.messaging.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears agents' state changes on {@code callflow.events} (a non-durable subscription of this
 * server, selecting only {@code AgentStateChanged}) and passes each to the agent's desktop page
 * streams, so the page shows the state the server holds, whichever node changed it.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = CallflowConnectionFactory.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.EVENTS),
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = Destinations.TYPE_PROPERTY + " = '" + AgentEventPublisher.TYPE + "'"),
      @ActivationConfigProperty(
          propertyName = "subscriptionDurability",
          propertyValue = "NonDurable"),
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
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
    })
// streams are best effort: no transaction, the message is acknowledged once passed on
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AgentStateListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(AgentStateListener.class.getName());

  @Inject DesktopStreams streams;

  @Override
  public void onMessage(Message message) {
    try {
      String agentId = agentOf(message.getBody(String.class));
      if (agentId != null && streams.isWatched(agentId)) {
        streams.publish(
            agentId,
            message.getStringProperty(Destinations.TYPE_PROPERTY),
            message.getBody(String.class));
      }
    } catch (JMSException | RuntimeException e) {
      // a stream is best effort: a bad message must not be redelivered forever
      LOG.log(Level.WARNING, "Message not passed to desktop page streams", e);
    }
  }

  /** Events carry the agent in their body. */
  private static String agentOf(String body) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
      return reader.readObject().getString("agentId", null);
    }
  }
}
