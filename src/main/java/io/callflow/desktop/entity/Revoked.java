package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.Objects;

/** A reservation or offer no longer holds (the customer cancelled, it expired, …), and why. */
public record Revoked(String serviceId, String agentId, String reason) implements DesktopCommand {

  public static final String TYPE = "Revoked";

  public Revoked {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(reason, "reason");
  }

  public static Revoked fromJson(String body) {
    MessageFields fields = MessageFields.parse(TYPE, body);
    return new Revoked(fields.id("serviceId"), fields.id("agentId"), fields.text("reason"));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toJson() {
    return Jsonp.createObjectBuilder()
        .add("serviceId", serviceId)
        .add("agentId", agentId)
        .add("reason", reason)
        .build();
  }
}
