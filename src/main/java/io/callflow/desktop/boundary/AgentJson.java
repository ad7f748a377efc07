package io.callflow.desktop.boundary;

import io.callflow.desktop.entity.Agent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The admin API's view of an agent. */
final class AgentJson {

  private AgentJson() {}

  static JsonObject write(Agent agent) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("agentId", agent.agentId());
    agent
        .extension()
        .ifPresentOrElse(e -> json.add("extension", e), () -> json.addNull("extension"));
    return json.add("state", agent.state().name())
        .add("stateSince", agent.stateSince().toString())
        .add("loggedIn", agent.loggedIn())
        .add("queues", Json.createArrayBuilder(agent.queues()))
        .build();
  }
}
