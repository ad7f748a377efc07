package io.callflow.routing.entity;

import java.util.Optional;

/**
 * Where a queued customer stands: {@code position} 1 is next (0 once an agent is reserved), {@code
 * totalWaiting} customers wait in the queue, {@code ewt} is the estimate of docs/ewt.md.
 */
public record QueuePosition(int position, int totalWaiting, Ewt ewt, Optional<String> agentId) {

  /** GMS's "agent ready threshold": an agent is held for this customer. */
  public boolean agentReady() {
    return agentId.isPresent();
  }
}
