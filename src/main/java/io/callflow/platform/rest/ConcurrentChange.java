package io.callflow.platform.rest;

/**
 * Recognises a write that lost to a concurrent one on a versioned row (an optimistic lock failure,
 * by the persistence unit or by a write at commit): the row is as the other request left it, and
 * the request may be repeated against it.
 */
final class ConcurrentChange {

  private ConcurrentChange() {}

  /** Whether {@code thrown} or one of its causes is an optimistic lock failure. */
  static boolean in(Throwable thrown) {
    return Causes.of(thrown).stream()
        .anyMatch(
            cause ->
                cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.eclipse.persistence.exceptions.OptimisticLockException);
  }
}
