package io.callflow.callback.entity;

import io.callflow.service.entity.InstanceState;

/** A callback's state as the Callback API names it, from its instance's state. */
public enum CallbackState {
  SCHEDULED,
  QUEUED,
  ROUTING,
  PROCESSING,
  COMPLETED;

  public static CallbackState of(InstanceState state) {
    return switch (state) {
      case SCHEDULED -> SCHEDULED;
      case QUEUED -> QUEUED;
      case AGENT_RESERVED, WAITING_CONFIRM, ACCESS_ISSUED, DIALING -> ROUTING;
      case CONNECTED -> PROCESSING;
      case COMPLETED, CANCELLED, EXPIRED, FAILED -> COMPLETED;
    };
  }

  /** Why a completed callback completed: CANCELLED, EXPIRED, FAILED or COMPLETED. */
  public static String reason(InstanceState state) {
    return state.isFinal() ? state.name() : "";
  }
}
