package io.callflow.desktop.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;

/** An agent's desktop reports what became of the call for a service instance. */
public record CallResult(String serviceId, String agentId, CallOutcome result)
    implements DesktopMessage {

  public static final String TYPE = "CallResult";

  public CallResult {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(result, "result");
  }

  static CallResult fromJson(MessageFields fields) {
    return new CallResult(
        fields.id("serviceId"), fields.id("agentId"), fields.constant("result", CallOutcome.class));
  }

  public JsonObject toJson() {
    return Json.createObjectBuilder()
        .add("serviceId", serviceId)
        .add("agentId", agentId)
        .add("result", result.name())
        .build();
  }
}
