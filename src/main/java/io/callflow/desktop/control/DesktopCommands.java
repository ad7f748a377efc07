package io.callflow.desktop.control;

import io.callflow.desktop.entity.Customer;
import io.callflow.desktop.entity.DesktopCommand;
import io.callflow.desktop.entity.Direction;
import io.callflow.desktop.entity.Offer;
import io.callflow.desktop.entity.Reserved;
import io.callflow.desktop.entity.Revoked;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Tells one agent's desktop about a reservation, an offer or a revocation. Called in the caller's
 * transaction, the message is published only if it commits.
 */
@ApplicationScoped
public class DesktopCommands {

  @Inject MessageSender sender;

  public Reserved reserved(
      String serviceId, String agentId, String flow, Customer customer, Instant expiresAt) {
    return send(new Reserved(serviceId, agentId, flow, customer, expiresAt));
  }

  /** {@code dial} is the number the agent's phone must dial, for an outbound offer. */
  public Offer offer(
      String serviceId,
      String agentId,
      Direction direction,
      Optional<String> dial,
      JsonObject data) {
    return send(new Offer(serviceId, agentId, direction, dial, data));
  }

  /**
   * An outbound call, attempt {@code attempt}: the agent's phone dials {@code dial} (absent:
   * already connected).
   */
  public Offer outbound(
      String serviceId, String agentId, Optional<String> dial, JsonObject data, int attempt) {
    return send(new Offer(serviceId, agentId, Direction.OUTBOUND, dial, data, attempt));
  }

  public Revoked revoked(String serviceId, String agentId, String reason) {
    return send(new Revoked(serviceId, agentId, reason));
  }

  private <C extends DesktopCommand> C send(C command) {
    sender.publish(
        Destinations.DESKTOP_OUT,
        command.type(),
        command.toJson().toString(),
        Map.of(Destinations.AGENT_ID_PROPERTY, command.agentId()));
    return command;
  }
}
