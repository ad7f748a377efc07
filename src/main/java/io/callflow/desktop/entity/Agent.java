package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent as their desktop last reported them. Each method answers whether anything changed, so a
 * repeated or redelivered message announces nothing.
 */
@Entity
@Table(name = "agent")
public class Agent {

  @Id
  @Column(name = "agent_id")
  private String agentId;

  @Column(name = "extension")
  private String extension;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false)
  private AgentStatus state;

  /** JSON array of queue names: the queues are read and written only as a whole. */
  @Column(name = "queues", nullable = false)
  private String queues;

  @Column(name = "state_since", nullable = false)
  private Instant stateSince;

  @Column(name = "logged_in", nullable = false)
  private boolean loggedIn;

  @Version private long version;

  protected Agent() {}

  /** An agent the server has just heard of: logged out until {@link #logIn} says otherwise. */
  public Agent(String agentId, Instant now) {
    this.agentId = Objects.requireNonNull(agentId, "agentId");
    this.state = AgentStatus.LOGOUT;
    this.queues = "[]";
    this.stateSince = now;
    this.loggedIn = false;
  }

  /** Logs in (again) to {@code queues} at {@code extension}; a fresh login is NOT_READY. */
  public boolean logIn(List<String> queues, String extension, Instant now) {
    String queuesJson = Jsonp.createArrayBuilder(queues).build().toString();
    if (loggedIn
        && state == AgentStatus.NOT_READY
        && queuesJson.equals(this.queues)
        && Objects.equals(extension, this.extension)) {
      return false;
    }
    loggedIn = true;
    this.queues = queuesJson;
    this.extension = extension;
    enter(AgentStatus.NOT_READY, now);
    return true;
  }

  /** Moves a logged-in agent to {@code next}; LOGOUT logs out. */
  public boolean changeState(AgentStatus next, Instant now) {
    if (next == AgentStatus.LOGOUT) {
      return logOut(now);
    }
    if (!loggedIn) {
      throw new RejectedMessage(
          "AgentState: agent '" + agentId + "' is logged out (send AgentLogin first)");
    }
    if (state == next) {
      return false;
    }
    enter(next, now);
    return true;
  }

  public boolean logOut(Instant now) {
    if (!loggedIn) {
      return false;
    }
    loggedIn = false;
    enter(AgentStatus.LOGOUT, now);
    return true;
  }

  private void enter(AgentStatus next, Instant now) {
    if (state != next) {
      state = next;
      stateSince = now;
    }
  }

  public String agentId() {
    return agentId;
  }

  public Optional<String> extension() {
    return Optional.ofNullable(extension);
  }

  public AgentStatus state() {
    return state;
  }

  public List<String> queues() {
    try (JsonReader reader = Jsonp.createReader(new StringReader(queues))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }

  public Instant stateSince() {
    return stateSince;
  }

  public boolean loggedIn() {
    return loggedIn;
  }
}
