package io.callflow.service.control;

import io.callflow.desktop.entity.CallResultReported;
import io.callflow.routing.entity.AgentReserved;
import io.callflow.routing.entity.QueueEntryExpired;
import io.callflow.routing.entity.ReservationLapsed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Carries routing's and desktops' news into the queued flows, in the transaction that made it. */
@ApplicationScoped
public class QueueReactions {

  @Inject QueuedFlows flows;

  void onAgentReserved(@Observes AgentReserved reserved) {
    flows.agentReserved(reserved);
  }

  void onReservationLapsed(@Observes ReservationLapsed lapsed) {
    flows.reservationLapsed(lapsed.serviceId());
  }

  void onQueueEntryExpired(@Observes QueueEntryExpired expired) {
    flows.queueExpired(expired.serviceId());
  }

  void onCallResult(@Observes CallResultReported result) {
    flows.callResult(result);
  }
}
