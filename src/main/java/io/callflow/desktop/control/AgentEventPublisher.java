package io.callflow.desktop.control;

import io.callflow.desktop.entity.AgentStateChanged;
import io.callflow.platform.domain.Ids;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Publishes agent state changes on the events topic for reporting and integrations. Observed inside
 * the change's transaction: the XA send reaches subscribers only if the change commits.
 */
@ApplicationScoped
public class AgentEventPublisher {

  public static final String TYPE = "AgentStateChanged";

  @Inject MessageSender sender;

  void publish(@Observes AgentStateChanged change) {
    String json =
        Jsonp.createObjectBuilder()
            .add("eventId", Ids.internal())
            .add("agentId", change.agentId())
            .add("state", change.current().name())
            .add("previousState", change.previous().name())
            .add("queues", Jsonp.createArrayBuilder(change.queues()))
            .add("at", change.at().toString())
            .build()
            .toString();
    sender.publish(Destinations.EVENTS, TYPE, json);
  }
}
