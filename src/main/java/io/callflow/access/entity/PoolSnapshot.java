package io.callflow.access.entity;

import java.util.List;

/** A pool as it stood at one moment: configuration, numbers (sorted) and utilisation. */
public record PoolSnapshot(Pool pool, List<String> numbers, Utilisation utilisation) {

  public PoolSnapshot {
    numbers = List.copyOf(numbers);
  }
}
