package io.callflow.service.control;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes every state change of an instance on {@code callflow.events}, in the transaction that
 * made it: the broker delivers it only if that transaction commits.
 */
@ApplicationScoped
public class InstanceEvents {

  public static final String STATE_CHANGED = "InstanceStateChanged";

  @Inject MessageSender sender;

  public void stateChanged(ServiceInstance instance, InstanceState previous, Instant at) {
    JsonObjectBuilder event =
        Jsonp.createObjectBuilder()
            .add("eventId", UUID.randomUUID().toString())
            .add("serviceId", instance.id())
            .add("service", instance.serviceName())
            .add("flow", instance.flow().gmsName())
            .add("state", instance.state().name())
            .add("at", at.toString());
    if (previous == null) {
      event.addNull("previousState");
    } else {
      event.add("previousState", previous.name());
    }
    sender.publish(Destinations.EVENTS, STATE_CHANGED, event.build().toString());
  }
}
