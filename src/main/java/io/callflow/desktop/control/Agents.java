package io.callflow.desktop.control;

import io.callflow.desktop.entity.Agent;
import io.callflow.desktop.entity.AgentLogin;
import io.callflow.desktop.entity.AgentState;
import io.callflow.desktop.entity.AgentStateChanged;
import io.callflow.desktop.entity.AgentStatus;
import io.callflow.desktop.entity.RejectedMessage;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Carries out what desktops report about their agents, in the caller's transaction (the
 * consumer's), and announces every change as an {@link AgentStateChanged} event.
 */
@Stateless
public class Agents {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<AgentStateChanged> changes;

  /** Creates the agent on first login; logs them in NOT_READY. */
  public void logIn(AgentLogin login) {
    Instant now = clock.instant();
    Agent agent = em.find(Agent.class, login.agentId());
    if (agent == null) {
      agent = new Agent(login.agentId(), now);
      em.persist(agent);
    }
    AgentStatus previous = agent.state();
    if (agent.logIn(login.queues(), login.extension(), now)) {
      announce(agent, previous, now);
    }
  }

  /** Moves a known agent to the reported state; an agent never logged in is rejected. */
  public void changeState(AgentState report) {
    Instant now = clock.instant();
    Agent agent = em.find(Agent.class, report.agentId());
    if (agent == null) {
      throw new RejectedMessage(
          "AgentState: unknown agent '" + report.agentId() + "' (send AgentLogin first)");
    }
    AgentStatus previous = agent.state();
    if (agent.changeState(report.state(), now)) {
      announce(agent, previous, now);
    }
  }

  public Optional<Agent> find(String agentId) {
    return Optional.ofNullable(em.find(Agent.class, agentId));
  }

  public List<Agent> all() {
    return em.createQuery("SELECT a FROM Agent a ORDER BY a.agentId", Agent.class).getResultList();
  }

  private void announce(Agent agent, AgentStatus previous, Instant now) {
    changes.fire(
        new AgentStateChanged(agent.agentId(), previous, agent.state(), agent.queues(), now));
  }
}
