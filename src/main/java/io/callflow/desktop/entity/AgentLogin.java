package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;

/** An agent logs in at an extension to take calls from some queues. */
public record AgentLogin(String agentId, List<String> queues, String extension)
    implements DesktopMessage {

  public static final String TYPE = "AgentLogin";

  public AgentLogin {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(extension, "extension");
    queues = List.copyOf(queues);
  }

  static AgentLogin fromJson(MessageFields fields) {
    return new AgentLogin(fields.id("agentId"), fields.ids("queues"), fields.id("extension"));
  }

  public JsonObject toJson() {
    return Jsonp.createObjectBuilder()
        .add("agentId", agentId)
        .add("queues", Jsonp.createArrayBuilder(queues))
        .add("extension", extension)
        .build();
  }
}
