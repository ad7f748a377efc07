package io.callflow.access.entity;

import java.time.Duration;

/** What the allocator needs of a pool, as an immutable value it can keep between requests. */
public record PoolSettings(
    String name, Allocation allocation, Choice choice, Duration bookingTimeout) {

  public static PoolSettings of(Pool pool) {
    return new PoolSettings(pool.name(), pool.allocation(), pool.choice(), pool.bookingTimeout());
  }

  public boolean isLocking() {
    return allocation == Allocation.LOCKING;
  }
}
