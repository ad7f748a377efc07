package io.callflow.service.entity;

import java.time.Instant;

/** An instance moved from {@code previous} (null when it was just created) to its state now. */
public record StateChange(ServiceInstance instance, InstanceState previous, Instant at) {

  /** The creation of an instance, announced like any change. */
  public static StateChange created(ServiceInstance instance, Instant at) {
    return new StateChange(instance, null, at);
  }
}
