package io.callflow.access.control;

import io.callflow.access.entity.Pool;
import io.callflow.access.entity.PoolSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;

/**
 * The pools' settings as this server knows them: one immutable snapshot, swapped whole by {@link
 * PoolCatalogueRefresh}, which no reader waits for. While the snapshot is older than a pool change
 * committed on this server ({@link PoolChanges}), a pool is read from the database instead. A plain
 * bean rather than part of the allocator's singleton: a match reads a pool's allocation on every
 * call, and a call through the singleton's container cost thirty times the read.
 */
@ApplicationScoped
public class PoolCatalogue {

  @PersistenceContext EntityManager em;
  @Inject PoolChanges changes;

  /** The pools as read at a generation of {@link PoolChanges}. */
  private record Snapshot(Map<String, PoolSettings> pools, long generation) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), -1);

  /**
   * Replaces the catalogue with the pools read at {@code generation}, unless it holds just that;
   * answers whether it changed.
   */
  public boolean replace(Map<String, PoolSettings> current, long generation) {
    Snapshot read = new Snapshot(Map.copyOf(current), generation);
    if (read.equals(snapshot)) {
      return false;
    }
    snapshot = read;
    return true;
  }

  /** A pool's settings; a pool this server does not have is its fault. */
  public PoolSettings settings(String name) {
    return known(name).orElseThrow(() -> new PoolMissing(name));
  }

  /** The pool from the catalogue, or read now if the catalogue is older than the pool. */
  public Optional<PoolSettings> known(String name) {
    Snapshot now = snapshot;
    PoolSettings known = now.pools().get(name);
    if (known != null && now.generation() == changes.generation()) {
      return Optional.of(known);
    }
    return Optional.ofNullable(em.find(Pool.class, name)).map(PoolSettings::of);
  }
}
