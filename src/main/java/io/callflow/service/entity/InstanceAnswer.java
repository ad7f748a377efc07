package io.callflow.service.entity;

import io.callflow.routing.entity.QueuePosition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a service instance answers its app or IVR, in the domain's words; the boundary writes each
 * as GMS's answer.
 */
public sealed interface InstanceAnswer {

  /** The instance's id. */
  String id();

  /** {@code request-interaction}: a new instance, with a number to call now. */
  record AccessIssued(String id, AccessInfo access, String dataId) implements InstanceAnswer {}

  /** {@code request-access}: the access info of an existing instance. */
  record InstanceAccess(String id, AccessInfo access) implements InstanceAnswer {}

  /** GMS's DialNumber dialog: the app dials the number, the code following once connected. */
  record DialNumber(String id, AccessInfo access, String dataId) implements InstanceAnswer {}

  /**
   * GMS's ConfirmationDialog: {@code text} to show, with the place in the queue and the app data's
   * id where the answer carries them.
   */
  record Confirmation(
      String id, String text, Optional<QueuePosition> position, Optional<String> dataId)
      implements InstanceAnswer {}

  /** GMS's DisplayMenu: an agent is ready, the customer chooses to call now or later. */
  record Menu(String id) implements InstanceAnswer {}

  /**
   * {@code check-queue-position}: where the instance stands; whether it awaits the customer's
   * confirmation, the access info once issued, and whether an agent is held for it.
   */
  record Standing(
      String id,
      InstanceState state,
      Optional<QueuePosition> position,
      boolean awaitsConfirmation,
      Optional<AccessInfo> access,
      boolean agentReady)
      implements InstanceAnswer {}

  /**
   * {@code GET /service/{id}}: the instance as it stands; {@code attempts}, every call placed, only
   * for outbound flows and only where asked for.
   */
  record Description(
      String id,
      String service,
      InstanceState state,
      String dataId,
      Optional<AccessInfo> access,
      Optional<QueuePosition> position,
      Optional<String> agentId,
      Optional<String> failureReason,
      Optional<Instant> desiredTime,
      Optional<List<DialAttempt>> attempts)
      implements InstanceAnswer {

    /** The same description with the calls placed for it. */
    public Description withAttempts(List<DialAttempt> placed) {
      return new Description(
          id,
          service,
          state,
          dataId,
          access,
          position,
          agentId,
          failureReason,
          desiredTime,
          Optional.of(placed));
    }
  }

  /** {@code DELETE /service/{id}}: the state the instance ended in. */
  record Cancelled(String id, InstanceState state) implements InstanceAnswer {}

  /**
   * {@code match-interaction}: the instance the call belongs to, the agent it is connected to, and
   * the app's data when the IVR asked for it (empty otherwise).
   */
  record Matched(String id, String dataId, Optional<String> agentId, Map<String, String> userData)
      implements InstanceAnswer {}
}
