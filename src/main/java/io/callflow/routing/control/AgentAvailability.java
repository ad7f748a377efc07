package io.callflow.routing.control;

import io.callflow.desktop.entity.AgentStateChanged;
import io.callflow.desktop.entity.AgentStatus;
import io.callflow.desktop.entity.CallOutcome;
import io.callflow.desktop.entity.CallResultReported;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Follows what desktops report, in the desktop consumer's transaction: who can take the next customer. */
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

  void onCallResult(@Observes CallResultReported result) {
    if (result.result() != CallOutcome.CONNECTED) {
      routing.callEnded(result.serviceId(), result.agentId(), result.result() == CallOutcome.COMPLETED);
    }
  }
}
