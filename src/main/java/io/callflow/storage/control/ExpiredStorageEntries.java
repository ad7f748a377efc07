package io.callflow.storage.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;

/** Deletes expired app data a bounded batch at a time, each batch in a transaction of its own. */
@Stateless
public class ExpiredStorageEntries {

  public static final int BATCH_SIZE = 500;

  // SKIP LOCKED: server instances sweeping the same database at once share the work instead of
  // queueing behind each other's row locks
  private static final String DELETE_BATCH =
      "DELETE FROM storage_entry WHERE id IN (SELECT id FROM storage_entry WHERE expires_at <= ?1"
          + " LIMIT " + BATCH_SIZE + " FOR UPDATE SKIP LOCKED)";

  @PersistenceContext EntityManager em;

  /** Deletes up to {@link #BATCH_SIZE} entries expired at {@code now}; answers how many. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int deleteBatch(Instant now) {
    // a native query's parameters bypass the Instant converter, hence the Timestamp
    return em.createNativeQuery(DELETE_BATCH).setParameter(1, Timestamp.from(now)).executeUpdate();
  }
}
