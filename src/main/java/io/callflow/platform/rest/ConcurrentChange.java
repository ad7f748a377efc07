package io.callflow.platform.rest;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a write that lost to a concurrent one on a versioned row (an optimistic lock failure,
 * by the persistence unit or by a write at commit): the row is as the other request left it, and
 * the request may be repeated against it.
 */
final class ConcurrentChange {

  private ConcurrentChange() {}

  /** Whether {@code thrown} or one of its causes is an optimistic lock failure. */
  static boolean in(Throwable thrown) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable current = thrown;
        current != null && seen.put(current, true) == null;
        current = current.getCause()) {
      if (current instanceof jakarta.persistence.OptimisticLockException
          || current instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
