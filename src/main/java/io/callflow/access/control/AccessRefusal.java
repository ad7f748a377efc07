package io.callflow.access.control;

import io.callflow.platform.domain.Refusal;

/** What the access feature refuses; its boundary answers each with its problem. */
public abstract sealed class AccessRefusal extends Refusal
    permits PoolExhausted, PoolMissing, PoolNotFound, PoolChangeRefused, AllocationLimited {

  AccessRefusal(String message) {
    super(message);
  }
}
