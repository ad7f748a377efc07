package io.callflow.desktop.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.desktop.entity.Agent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentJsonTest {

  @Test
  void anAgentNeverSeenIsShownLoggedOut() {
    assertEquals(
        "{\"agentId\":\"a1\",\"state\":\"LOGOUT\",\"loggedIn\":false}",
        AgentJson.page("a1", Optional.empty()).toString());
  }

  @Test
  void aKnownAgentIsShownWithItsStateAndQueues() {
    Agent agent = new Agent("a1", Instant.parse("2026-03-09T14:30:00Z"));
    assertEquals(
        "{\"agentId\":\"a1\",\"state\":\"LOGOUT\",\"loggedIn\":false,\"queues\":[]}",
        AgentJson.page("a1", Optional.of(agent)).toString());
  }
}
