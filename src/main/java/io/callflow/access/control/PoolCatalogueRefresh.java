package io.callflow.access.control;

import io.callflow.access.entity.Pool;
import io.callflow.access.entity.PoolSettings;
import io.callflow.platform.persistence.SchemaMigration;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps the {@link PoolCatalogue} current: reads every pool once a second, so a change made on
 * another server instance is seen within a second (one made here is seen at once, through {@link
 * PoolChanges}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolCatalogueRefresh {

  private static final Logger LOG = Logger.getLogger(PoolCatalogueRefresh.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PoolCatalogue catalogue;
  @EJB AccessNumberAllocator allocator;
  @Inject PoolChanges changes;
  @Inject SchemaMigration schema;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  public void everySecond() {
    // before the first migration the table is missing: reading it would log an error at every start
    if (schema.outcome().succeeded()) {
      refresh();
    }
  }

  private synchronized void refresh() {
    try {
      long generation = changes.generation(); // before reading: a change after it is not in it
      Map<String, PoolSettings> pools =
          em.createQuery("SELECT p FROM Pool p", Pool.class)
              .getResultStream()
              .map(PoolSettings::of)
              .collect(Collectors.toMap(PoolSettings::name, p -> p));
      if (catalogue.replace(pools, generation)) {
        allocator.forgetCursorsOutside(pools.keySet());
      }
    } catch (RuntimeException e) {
      // the database is away: allocations fail on their own; the catalogue catches up later
      LOG.log(Level.FINE, "Pool catalogue not refreshed", e);
    }
  }
}
