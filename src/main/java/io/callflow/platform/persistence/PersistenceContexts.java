package io.callflow.platform.persistence;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.sessions.UnitOfWork;

/** What the persistence unit does that JPA has no word for (Payara's EclipseLink). */
public final class PersistenceContexts {

  private PersistenceContexts() {}

  /**
   * Makes {@code entity}, read from its row (or to be written as it stands) by plain JDBC, part of
   * the caller's persistence context without a read of its own: the context's reads in this
   * transaction find it, and it writes the changes made to the copy it answers, checked against the
   * entity's version as for any entity it read. {@code entity} itself stays unmanaged.
   */
  public static <T> T adopt(EntityManager em, T entity) {
    @SuppressWarnings("unchecked")
    T managed = (T) em.unwrap(UnitOfWork.class).registerExistingObject(entity);
    return managed;
  }

  /**
   * Whether the caller's persistence context has no change left to write when its transaction
   * commits: no new, removed or changed entity it has not written yet.
   */
  public static boolean writesNothingAtCommit(EntityManager em) {
    return !em.unwrap(UnitOfWork.class).hasChanges();
  }
}
