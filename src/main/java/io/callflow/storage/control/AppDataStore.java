package io.callflow.storage.control;

import io.callflow.platform.persistence.CommitWrites;
import io.callflow.platform.persistence.Sql;
import io.callflow.storage.entity.AppData;
import io.callflow.storage.entity.StorageEntry;
import io.callflow.storage.entity.StorageTtl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps app data for a time to live: the Storage API's entries and every service instance's {@code
 * _data_id}. Runs in the caller's transaction, so app data and whatever refers to it commit
 * together. A new entry is written as that transaction commits, with its other rows written then
 * ({@link CommitWrites}); until then this transaction's reads find it here. An expired entry is
 * gone for every reader, whether or not the sweep has deleted it yet.
 */
@ApplicationScoped
@Transactional
public class AppDataStore {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject CommitWrites commitWrites;

  /**
   * Stores {@code data} for {@code ttl} and answers its new id. The caller answers 400/413 before
   * calling: a TTL outside {@link StorageTtl}'s range or data beyond {@link AppData#MAX_BYTES} is a
   * programming error here, and rolls the caller's transaction back.
   *
   * @param gmsUser the {@code gms_user} that owns the entry, or null
   */
  public String store(Map<String, String> data, Duration ttl, String gmsUser) {
    AppData appData = new AppData(data);
    if (!appData.isWithinLimit()) {
      throw new IllegalArgumentException(
          "app data of " + appData.sizeInBytes() + " bytes exceeds " + AppData.MAX_BYTES);
    }
    StorageEntry entry =
        new StorageEntry(
            UUID.randomUUID().toString(), appData, new StorageTtl(ttl), gmsUser, clock.instant());
    commitWrites.add(NewEntries.class, NewEntries::new, added -> added.put(entry, appData));
    return entry.id();
  }

  /** The stored key/values; empty if the id is unknown or the entry has expired. */
  public Optional<Map<String, String>> read(String id) {
    return live(id).map(StorageEntry::data);
  }

  /**
   * Deletes the entry; false if there was no live one. An expired entry is deleted too, but answers
   * false: readers already saw it as gone.
   */
  public boolean delete(String id) {
    if (id == null) {
      return false;
    }
    Optional<NewEntries> added = commitWrites.pending(NewEntries.class);
    if (added.isPresent() && added.get().entries.remove(id) != null) {
      return true;
    }
    // locked, so that of two concurrent deletes only one answers true
    StorageEntry entry = em.find(StorageEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entry == null) {
      return false;
    }
    em.remove(entry);
    return !entry.isExpiredAt(clock.instant());
  }

  private Optional<StorageEntry> live(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Optional<StorageEntry> added =
        commitWrites.pending(NewEntries.class).map(n -> n.entries.get(id)).map(New::entry);
    return added
        .or(() -> Optional.ofNullable(em.find(StorageEntry.class, id)))
        .filter(entry -> !entry.isExpiredAt(clock.instant()));
  }

  private record New(StorageEntry entry, AppData data) {}

  /** The entries a transaction stored, written in one statement as it commits. */
  private static final class NewEntries implements CommitWrites.Rows {
    private static final String INSERT =
        "INSERT INTO storage_entry (id, gms_user, data, created_at, expires_at) VALUES";
    private static final String ROW = "(?, ?, ?, ?, ?)";

    final Map<String, New> entries = new LinkedHashMap<>(2);

    void put(StorageEntry entry, AppData data) {
      entries.put(entry.id(), new New(entry, data));
    }

    @Override
    public List<Sql.Statement> drain() {
      if (entries.isEmpty()) {
        return List.of();
      }
      List<Object[]> rows = new ArrayList<>(entries.size());
      for (New added : entries.values()) {
        StorageEntry entry = added.entry();
        rows.add(
            new Object[] {
              entry.id(),
              entry.gmsUser().orElse(null),
              added.data().toJson(),
              entry.createdAt(),
              entry.expiresAt()
            });
      }
      entries.clear();
      return List.of(Sql.Statement.rows(INSERT, ROW, rows));
    }
  }
}
