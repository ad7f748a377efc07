package io.callflow.platform.persistence;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL transaction-scoped advisory locks: serialise work on something that has no row to lock
 * (a customer number, a service's counters) across every server instance, until the caller commits.
 */
public final class AdvisoryLocks {

  private AdvisoryLocks() {}

  /** Waits for and takes the lock named {@code key} for the rest of the caller's transaction. */
  public static void lock(EntityManager em, String key) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, key)
        .getSingleResult();
  }
}
