package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import java.util.Optional;

/**
 * A call for the agent: an inbound call about to arrive, or an outbound one to place, in which case
 * {@code dial} is the number to dial.
 */
public record Offer(
    String serviceId,
    String agentId,
    Direction direction,
    Optional<String> dial,
    JsonObject data,
    int attempt)
    implements DesktopCommand {

  public static final String TYPE = "Offer";

  public Offer {
    Objects.requireNonNull(serviceId, "serviceId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(dial, "dial");
    Objects.requireNonNull(data, "data");
  }

  /** An offer that is not one attempt of several (inbound calls). */
  public Offer(
      String serviceId,
      String agentId,
      Direction direction,
      Optional<String> dial,
      JsonObject data) {
    this(serviceId, agentId, direction, dial, data, 0);
  }

  public static Offer fromJson(String body) {
    MessageFields fields = MessageFields.parse(TYPE, body);
    return new Offer(
        fields.id("serviceId"),
        fields.id("agentId"),
        fields.constant("direction", Direction.class),
        fields.optionalText("dial"),
        fields.object("data"),
        fields.optionalCount("attempt").orElse(0));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toJson() {
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("serviceId", serviceId)
            .add("agentId", agentId)
            .add("direction", direction.name());
    dial.ifPresent(number -> json.add("dial", number));
    if (attempt > 0) {
      json.add("attempt", attempt);
    }
    return json.add("data", data).build();
  }
}
