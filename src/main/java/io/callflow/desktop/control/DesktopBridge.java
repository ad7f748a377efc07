package io.callflow.desktop.control;

import io.callflow.desktop.entity.Agent;
import io.callflow.desktop.entity.DesktopMessage;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * The desktop page's way in: it speaks the JMS desktop contract for the signed-in agent, exactly as
 * a desktop of its own would, so the page never holds broker credentials and the server keeps one
 * way of hearing desktops. The agent id is always the signed-in one, whatever the page sent.
 */
@Stateless
public class DesktopBridge {

  @Inject MessageSender sender;
  @Inject Agents agents;

  /**
   * Checks {@code fields} as the message {@code type} of {@code agentId} (a {@link
   * io.callflow.desktop.entity.RejectedMessage} says why not) and sends it to {@code
   * callflow.desktop.in} after this transaction commits, in the agent's message group.
   */
  public DesktopMessage send(String agentId, String type, JsonObject fields) {
    JsonObject body = Jsonp.createObjectBuilder(fields).add("agentId", agentId).build();
    DesktopMessage message = DesktopMessage.parse(type, body.toString());
    sender.enqueue(
        Destinations.DESKTOP_IN, type, body.toString(), Duration.ZERO, Optional.of(agentId));
    return message;
  }

  /** The agent as the page first shows it; empty when the agent never logged in. */
  public Optional<Agent> agent(String agentId) {
    return agents.find(agentId);
  }
}
