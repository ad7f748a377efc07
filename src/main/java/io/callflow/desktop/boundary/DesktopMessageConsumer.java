package io.callflow.desktop.boundary;

import io.callflow.desktop.control.Agents;
import io.callflow.desktop.control.CallResults;
import io.callflow.desktop.control.DesktopDeadLetters;
import io.callflow.desktop.entity.AgentLogin;
import io.callflow.desktop.entity.AgentState;
import io.callflow.desktop.entity.CallResult;
import io.callflow.desktop.entity.DesktopMessage;
import io.callflow.desktop.entity.RejectedMessage;
import io.callflow.platform.messaging.CallflowConnectionFactory;
import io.callflow.platform.messaging.ConsumedMessages;
import io.callflow.platform.messaging.Destinations;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;

/**
 * Takes desktop messages off {@code callflow.desktop.in}. A message that cannot be understood is
 * dead-lettered with the reason and consumed; only infrastructure failures throw, so the broker
 * redelivers. One session: an agent's AgentLogin must be carried out before the AgentState that
 * follows it.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "resourceAdapter",
          propertyValue = CallflowConnectionFactory.RESOURCE_ADAPTER),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "destination",
          propertyValue = Destinations.DESKTOP_IN),
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
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DesktopMessageConsumer implements MessageListener {

  @Inject Agents agents;
  @Inject CallResults callResults;
  @Inject DesktopDeadLetters deadLetters;

  @Inject ConsumedMessages consumed;

  @Override
  public void onMessage(Message message) {
    consumed.once(message, () -> carryOut(message));
  }

  private void carryOut(Message message) {
    String type = typeOf(message);
    String body;
    try {
      body = message.getBody(String.class);
    } catch (MessageFormatException e) {
      deadLetters.reject(type, null, "not a JMS text message");
      return;
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable desktop message", e);
    }
    try {
      carryOutMessage(DesktopMessage.parse(type, body));
    } catch (RejectedMessage rejected) {
      deadLetters.reject(type, body, rejected.reason());
    }
  }

  private void carryOutMessage(DesktopMessage message) {
    if (message instanceof AgentLogin login) {
      agents.logIn(login);
    } else if (message instanceof AgentState state) {
      agents.changeState(state);
    } else if (message instanceof CallResult result) {
      callResults.record(result);
    }
  }

  private static String typeOf(Message message) {
    try {
      return message.getStringProperty(Destinations.TYPE_PROPERTY);
    } catch (JMSException e) {
      return null; // a type that is no string is as good as none: the message is dead-lettered
    }
  }
}
