package io.callflow.diagnostics.boundary;

import io.callflow.diagnostics.control.RoundTripProbes;
import io.callflow.platform.json.Jsonp;
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
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Receives round-trip probes on the Artemis resource adapter and hands them to the control. */
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
          propertyValue = Destinations.DIAGNOSTICS),
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
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoundTripProbeConsumer implements MessageListener {

  @Inject RoundTripProbes probes;

  @Inject ConsumedMessages consumed;

  @Override
  public void onMessage(Message message) {
    consumed.once(message, () -> carryOut(message));
  }

  private void carryOut(Message message) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(message.getBody(String.class)))) {
      probes.complete(reader.readObject().getString("probeId"));
    } catch (JMSException e) {
      // thrown, the broker redelivers and finally dead-letters the message
      throw new IllegalStateException("unreadable round-trip probe message", e);
    }
  }
}
