package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/** The agent is held for a service instance's customer until {@code expiresAt}. */
public record Reserved(
    String serviceId, String agentId, String flow, Customer customer, Instant expiresAt)
    implements DesktopCommand {

  public static final String TYPE = "Reserved";

  public Reserved {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public static Reserved fromJson(String body) {
    MessageFields fields = MessageFields.parse(TYPE, body);
    return new Reserved(
        fields.id("serviceId"),
        fields.id("agentId"),
        fields.text("flow"),
        Customer.fromJson(fields.nested("customer")),
        fields.instant("expiresAt"));
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
        .add("flow", flow)
        .add("customer", customer.toJson())
        .add("expiresAt", expiresAt.toString())
        .build();
  }
}
