package io.callflow.notification.control;

import io.callflow.notification.entity.Push;
import java.util.Optional;
import java.util.Set;

/**
 * A way to reach devices (httpcb, FCM, APNs, CometD). Implementations are CDI beans; the delivery
 * pipeline picks the one whose {@link #types()} contain the subscription's type, calls {@link
 * #deliver} from a message-driven bean, retries with back-off on a failure and dead-letters the
 * push after the configured attempts.
 */
public interface PushChannel {

  /** The subscription types this channel serves, lower case ("fcm", "gcm"). */
  Set<String> types();

  /**
   * Delivers or throws; must not block longer than a few seconds (bounded connect/read timeouts).
   */
  void deliver(Push push) throws DeliveryFailure;

  /**
   * Why this channel cannot deliver with the current configuration (missing credentials), or empty.
   * Registrations are still accepted; the problem is reported in readiness data and the log.
   */
  default Optional<String> configurationProblem() {
    return Optional.empty();
  }
}
