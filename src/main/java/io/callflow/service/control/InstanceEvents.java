package io.callflow.service.control;

import io.callflow.platform.domain.Ids;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.service.entity.StateChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Publishes every state change of an instance on {@code callflow.events}, in the transaction that
 * made it: the broker delivers it only if that transaction commits. The instance remembers it in
 * its history (its own row, written by the same transaction).
 */
@ApplicationScoped
public class InstanceEvents {

  public static final String STATE_CHANGED = "InstanceStateChanged";

  private static final Logger LOG = Logger.getLogger(InstanceEvents.class.getName());

  @Inject MessageSender sender;

  /** Tells the change, if there was one. */
  public void publish(Optional<StateChange> change) {
    change.ifPresent(this::publish);
  }

  public void publish(List<StateChange> changes) {
    changes.forEach(this::publish);
  }

  public void publish(StateChange change) {
    ServiceInstance instance = change.instance();
    instance.remember(change);
    JsonObjectBuilder event =
        Jsonp.createObjectBuilder()
            .add("eventId", Ids.internal())
            .add("serviceId", instance.id())
            .add("service", instance.serviceName())
            .add("flow", instance.flow().gmsName())
            .add("state", change.state().name())
            .add("at", change.at().toString());
    if (change.previous() == null) {
      event.addNull("previousState");
    } else {
      event.add("previousState", change.previous().name());
    }
    sender.publish(Destinations.EVENTS, STATE_CHANGED, event.build().toString());
  }

  /**
   * Whether {@code move} may be taken; when not, says so in the log: a late timer or a redelivered
   * message found the instance moved on, and changes nothing.
   */
  public static boolean mayOrIgnore(ServiceInstance instance, Move move, String cause) {
    if (instance.may(move)) {
      return true;
    }
    LOG.info(
        () ->
            "Ignoring "
                + cause
                + ": service instance "
                + instance.id()
                + " cannot "
                + move.label()
                + " while "
                + instance.state());
    return false;
  }
}
