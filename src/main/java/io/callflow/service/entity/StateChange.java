package io.callflow.service.entity;

import java.time.Instant;

/**
 * An instance moved from {@code previous} (null when it was just created) to {@code state}. The
 * state entered is kept apart from the instance's state now: a move may be followed by another
 * before either is told (a scheduled callback whose time came is queued, then reserved).
 */
public record StateChange(
    ServiceInstance instance, InstanceState previous, InstanceState state, Instant at) {

  /** The creation of an instance, announced like any change. */
  public static StateChange created(ServiceInstance instance, Instant at) {
    return new StateChange(instance, null, instance.state(), at);
  }
}
