package io.callflow.service.boundary;

import io.callflow.notification.control.Notifications;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.CallflowConnectionFactory;
import io.callflow.platform.messaging.Destinations;
import io.callflow.service.control.InstanceEvents;
import io.callflow.service.control.ServiceInstances;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears instances' state changes and pushes on {@code callflow.events} (a non-durable subscription
 * of this server) and passes those of watched instances to their server-sent event streams. One
 * session keeps them in order.
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
      // the broker keeps the rest (half of the hot path's events are bookings') from this server
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue =
              Destinations.TYPE_PROPERTY
                  + " IN ('"
                  + InstanceEvents.STATE_CHANGED
                  + "', '"
                  + Notifications.PUSHED_EVENT
                  + "')"),
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
// streams are best effort: no transaction, the event is acknowledged once passed on
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceEventsListener implements MessageListener {

  private static final Logger LOG = Logger.getLogger(InstanceEventsListener.class.getName());

  @Inject InstanceStreams streams;
  @Inject ServiceInstances instances;

  @Override
  public void onMessage(Message message) {
    if (!streams.watchesAny()) {
      return; // every instance event of the cluster passes here: most find nobody watching
    }
    try {
      String type = message.getStringProperty(Destinations.TYPE_PROPERTY);
      JsonObject event = parse(message.getBody(String.class));
      String serviceId = event.getString("serviceId", null);
      if (serviceId == null || !streams.isWatched(serviceId)) {
        return;
      }
      String eventId = event.getString("eventId", null);
      if (InstanceEvents.STATE_CHANGED.equals(type)) {
        Map<String, String> state = InstanceAnswers.members(instances.describeAny(serviceId));
        state.put("_state", event.getString("state", state.get("_state")));
        streams.publish(serviceId, InstanceStreams.STATE, eventId, InstanceStreams.json(state));
      } else if (Notifications.PUSHED_EVENT.equals(type)) {
        streams.publish(serviceId, InstanceStreams.PUSH, eventId, event.getString("message"));
      }
    } catch (JMSException | RuntimeException e) {
      // a stream is best effort: a bad event must not be redelivered forever
      LOG.log(Level.WARNING, "Event not passed to server-sent event streams", e);
    }
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
