package io.callflow.desktop.boundary;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears what the server sends every agent on {@code callflow.desktop.out} (a non-durable
 * subscription of this server) and passes each agent's messages to that agent's desktop page
 * streams. One session keeps them in order.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = CallflowConnectionFactory.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = Destinations.DESKTOP_OUT),
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
public class DesktopCommandsListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(DesktopCommandsListener.class.getName());

  @Inject DesktopStreams streams;

  @Override
  public void onMessage(Message message) {
    try {
      String agentId = message.getStringProperty(Destinations.AGENT_ID_PROPERTY);
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
}
