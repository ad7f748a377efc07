package io.callflow.access.entity;

import java.time.Duration;
import java.util.List;

/**
 * What an operator asks a pool to be: its configuration, and numbers (E.164) to add to it. {@code
 * location} is null for a pool that serves everywhere.
 */
public record PoolSpecification(
    String name,
    Allocation allocation,
    Choice choice,
    Duration bookingTimeout,
    Location location,
    List<String> numbers) {

  public PoolSpecification {
    numbers = List.copyOf(numbers);
  }

  /** Applies this configuration (not the numbers) to an existing pool. */
  public void applyTo(Pool pool) {
    pool.reconfigure(allocation, choice, bookingTimeout, location);
  }
}
