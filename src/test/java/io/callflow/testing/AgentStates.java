package io.callflow.testing;

import java.time.Duration;
import java.util.Optional;

/**
 * Waits for an agent's state as the admin API reports it: a desktop's messages are consumed
 * asynchronously, so a test that logs an agent in or turns it READY waits here before counting on
 * it.
 */
public final class AgentStates {

  private AgentStates() {}

  /**
   * Returns once {@code GET /admin/agents/{agentId}} answers {@code state}; an AssertionError after
   * {@code timeout}.
   */
  public static void await(GmsClient gms, String agentId, String state, Duration timeout) {
    Eventually.await(
        agentId + " " + state,
        timeout,
        () ->
            Optional.of(gms.get("/admin/agents/" + agentId))
                .filter(r -> r.status() == 200 && state.equals(r.json().getString("state"))));
  }
}
