package io.callflow.storage.control;

import io.callflow.storage.entity.StorageEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The Storage API's view of app data: what a request with a given {@code gms_user} may read or
 * delete. An entry the request may not see is answered exactly like an unknown one, so its
 * existence is never revealed.
 */
@Stateless
public class StorageAccess {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The live entry, if the request's {@code gms_user} (null when absent) may see it. */
  public Optional<StorageEntry> read(String id, String gmsUser) {
    return Optional.ofNullable(em.find(StorageEntry.class, id))
        .filter(entry -> !entry.isExpiredAt(clock.instant()))
        .filter(entry -> entry.isVisibleTo(gmsUser));
  }

  /** Deletes the entry if it is live and the request may see it; false otherwise. */
  public boolean delete(String id, String gmsUser) {
    // locked, so that of two concurrent deletes only one answers true
    StorageEntry entry = em.find(StorageEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entry == null || !entry.isVisibleTo(gmsUser)) {
      return false;
    }
    em.remove(entry);
    return !entry.isExpiredAt(clock.instant());
  }
}
