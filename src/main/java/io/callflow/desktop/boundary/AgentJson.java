package io.callflow.desktop.boundary;

import io.callflow.desktop.entity.Agent;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The admin API's view of an agent. */
final class AgentJson {

  private AgentJson() {}

  static JsonObject write(Agent agent) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder().add("agentId", agent.agentId());
    agent
        .extension()
        .ifPresentOrElse(e -> json.add("extension", e), () -> json.addNull("extension"));
    return json.add("state", agent.state().name())
        .add("stateSince", agent.stateSince().toString())
        .add("loggedIn", agent.loggedIn())
        .add("queues", Jsonp.createArrayBuilder(agent.queues()))
        .build();
  }
}
