package io.callflow.notification.boundary;

import io.callflow.notification.control.PushDeliveries;
import io.callflow.notification.entity.PushOrder;
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
import jakarta.jms.MessageListener;

/**
 * Takes push orders off the delivery queue. Several sessions, so one slow subscriber holds up only
 * its own order.
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
          propertyValue = Destinations.NOTIFICATION_DELIVERY),
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
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8"),
      // no prefetch: an order must never wait in the buffer of a session busy with a slow
      // subscriber
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PushOrderConsumer implements MessageListener {

  @Inject PushDeliveries deliveries;

  @Inject ConsumedMessages consumed;

  @Override
  public void onMessage(Message message) {
    consumed.once(message, () -> carryOut(message));
  }

  private void carryOut(Message message) {
    try {
      deliveries.carryOut(PushOrder.fromJson(message.getBody(String.class)));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable push order", e);
    }
  }
}
