package io.callflow.desktop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's state follows their desktop's reports; repeating a report changes nothing. */
class AgentTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);

  @Test
  void loginMakesTheAgentNotReadyOnTheirQueues() {
    Agent agent = new Agent("a1", T0);
    assertTrue(agent.logIn(List.of("default", "vip"), "5001", T1));
    assertTrue(agent.loggedIn());
    assertEquals(AgentStatus.NOT_READY, agent.state());
    assertEquals(List.of("default", "vip"), agent.queues());
    assertEquals("5001", agent.extension().orElseThrow());
    assertEquals(T1, agent.stateSince());
  }

  @Test
  void repeatedLoginChangesNothing() {
    Agent agent = new Agent("a1", T0);
    agent.logIn(List.of("default"), "5001", T1);
    assertFalse(agent.logIn(List.of("default"), "5001", T2));
    assertEquals(T1, agent.stateSince());
  }

  @Test
  void loginWithOtherQueuesUpdatesThem() {
    Agent agent = new Agent("a1", T0);
    agent.logIn(List.of("default"), "5001", T1);
    assertTrue(agent.logIn(List.of("vip"), "5001", T2));
    assertEquals(List.of("vip"), agent.queues());
    assertEquals(T1, agent.stateSince(), "still NOT_READY since the first login");
  }

  @Test
  void stateChangesAreTimedAndRepeatsIgnored() {
    Agent agent = new Agent("a1", T0);
    agent.logIn(List.of("default"), "5001", T0);
    assertTrue(agent.changeState(AgentStatus.READY, T1));
    assertFalse(agent.changeState(AgentStatus.READY, T2));
    assertEquals(T1, agent.stateSince());
    assertTrue(agent.changeState(AgentStatus.WRAP_UP, T2));
    assertEquals(AgentStatus.WRAP_UP, agent.state());
  }

  @Test
  void logoutStateLogsOutOnce() {
    Agent agent = new Agent("a1", T0);
    agent.logIn(List.of("default"), "5001", T0);
    assertTrue(agent.changeState(AgentStatus.LOGOUT, T1));
    assertFalse(agent.loggedIn());
    assertEquals(AgentStatus.LOGOUT, agent.state());
    assertFalse(agent.logOut(T2));
  }

  @Test
  void aLoggedOutAgentCannotGetReady() {
    Agent agent = new Agent("a1", T0);
    RejectedMessage rejected =
        assertThrows(RejectedMessage.class, () -> agent.changeState(AgentStatus.READY, T1));
    assertTrue(rejected.reason().contains("logged out"), rejected::reason);
  }
}
