package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;

/**
 * An agent's desktop (or the dialer) reports what became of the call for a service instance; {@code
 * attempt} echoes the Offer's or Dial's attempt of an outbound call (0 when not given).
 */
public record CallResult(String serviceId, String agentId, CallOutcome result, int attempt)
    implements DesktopMessage {

  public static final String TYPE = "CallResult";

  public CallResult {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(result, "result");
  }

  public CallResult(String serviceId, String agentId, CallOutcome result) {
    this(serviceId, agentId, result, 0);
  }

  static CallResult fromJson(MessageFields fields) {
    return new CallResult(
        fields.id("serviceId"),
        fields.id("agentId"),
        fields.constant("result", CallOutcome.class),
        fields.optionalCount("attempt").orElse(0));
  }

  public JsonObject toJson() {
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("serviceId", serviceId)
            .add("agentId", agentId)
            .add("result", result.name());
    if (attempt > 0) {
      json.add("attempt", attempt);
    }
    return json.build();
  }
}
