package io.callflow.desktop.control;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Puts a desktop message that cannot be understood on the desktop dead-letter queue, with the
 * reason, in the receiving transaction: redelivering it would fail the same way, and the desktop's
 * developer needs to see it.
 */
@ApplicationScoped
public class DesktopDeadLetters {

  public static final String TYPE = "RejectedDesktopMessage";
  private static final Logger LOG = Logger.getLogger(DesktopDeadLetters.class.getName());

  @Inject MessageSender sender;
  @Inject Clock clock;

  /** {@code type} and {@code body} may be null: the message had none (or no readable one). */
  public void reject(String type, String body, String reason) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder();
    add(json, "type", type);
    add(json, "body", body);
    json.add("reason", reason).add("rejectedAt", clock.instant().toString());
    LOG.warning("Desktop message rejected to " + Destinations.DESKTOP_DEAD + ": " + reason);
    sender.enqueue(Destinations.DESKTOP_DEAD, TYPE, json.build().toString());
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
