package io.callflow.desktop.entity;

import java.time.Instant;
import java.util.List;

/**
 * CDI event: an agent's state (or, on a new login, their queues) changed. Fired inside the
 * transaction that made the change; routing observes READY to dispatch.
 */
public record AgentStateChanged(
    String agentId, AgentStatus previous, AgentStatus current, List<String> queues, Instant at) {

  public AgentStateChanged {
    queues = List.copyOf(queues);
  }
}
