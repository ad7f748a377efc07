package io.callflow.routing.control;

import io.callflow.desktop.entity.AgentStateChanged;
import io.callflow.desktop.entity.AgentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Follows agents' states as desktops report them, in the desktop consumer's transaction: who can
 * take the next customer. (Call results reach routing through the flows, which know the instance.)
 */
@ApplicationScoped
public class AgentAvailability {

  @Inject Routing routing;

  void onStateChanged(@Observes AgentStateChanged change) {
    if (change.current() == AgentStatus.READY) {
      routing.agentReady(change.agentId(), change.queues());
    } else {
      routing.agentUnavailable(change.agentId(), change.current().name());
    }
  }
}
