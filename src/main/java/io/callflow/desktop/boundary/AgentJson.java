package io.callflow.desktop.boundary;

import io.callflow.desktop.entity.Agent;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/** The admin API's view of an agent, and the desktop page's. */
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

  /** The agent as the desktop page first shows it: state, queues and extension, or logged out. */
  static JsonObject page(String agentId, Optional<Agent> known) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder().add("agentId", agentId);
    if (known.isEmpty()) {
      return json.add("state", "LOGOUT").add("loggedIn", false).build();
    }
    Agent agent = known.get();
    json.add("state", agent.state().name())
        .add("loggedIn", agent.loggedIn())
        .add("queues", Jsonp.createArrayBuilder(agent.queues()));
    agent.extension().ifPresent(extension -> json.add("extension", extension));
    return json.build();
  }
}
