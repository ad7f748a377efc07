package io.callflow.service.control;

import io.callflow.service.entity.ServiceDefinition;
import io.callflow.service.entity.ServiceNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured services apps post to, kept in memory: a request reads its service without a
 * database round trip or a transaction. A change made here is seen at once (after its commit); one
 * made on another server instance within {@link #FRESH_FOR_NANOS}, when an entry is read anew.
 */
@ApplicationScoped
public class ServiceCatalog {

  /** How long a service read from the database is answered from memory. */
  static final long FRESH_FOR_NANOS = 1_000_000_000L;

  /** A service as read at a moment (System.nanoTime), or its absence (null service). */
  private record Entry(ServiceDefinition service, long readAt) {
    boolean isFresh(long now) {
      return now - readAt < FRESH_FOR_NANOS;
    }
  }

  /** Sent, after commit, by whatever changed a service's configuration. */
  public record Changed(String name) {}

  @PersistenceContext EntityManager em;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public ServiceDefinition find(String name) {
    long now = System.nanoTime();
    Entry entry = entries.get(name);
    if (entry == null || !entry.isFresh(now)) {
      entry = new Entry(read(name), now);
      entries.put(name, entry);
    }
    if (entry.service() == null) {
      throw new ServiceNotFound(name);
    }
    return entry.service();
  }

  /** The service as stored now, detached so that it may be shared between requests. */
  private ServiceDefinition read(String name) {
    List<ServiceDefinition> found =
        em.createQuery(
                "SELECT s FROM ServiceDefinition s WHERE s.name = :name", ServiceDefinition.class)
            .setParameter("name", name)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
    entries.remove(changed.name());
  }
}
