package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.Objects;

/** An agent's desktop reports a new state; LOGOUT logs the agent out. */
public record AgentState(String agentId, AgentStatus state) implements DesktopMessage {

  public static final String TYPE = "AgentState";

  public AgentState {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(state, "state");
  }

  static AgentState fromJson(MessageFields fields) {
    return new AgentState(fields.id("agentId"), fields.constant("state", AgentStatus.class));
  }

  public JsonObject toJson() {
    return Jsonp.createObjectBuilder().add("agentId", agentId).add("state", state.name()).build();
  }
}
