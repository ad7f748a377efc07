package io.callflow.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What operators watch on /metrics about access numbers: allocations by pool and outcome, and each
 * pool's utilisation (live bookings / numbers), read from the database when scraped, so it is right
 * for every server instance on that database.
 */
@ApplicationScoped
public class AccessMetrics {

  static final String ALLOCATIONS = "callflow_allocations_total";
  static final String UTILISATION = "callflow_pool_utilisation";

  @Inject MetricRegistry registry;
  @Inject Bookings bookings;

  private final Set<String> gauged = ConcurrentHashMap.newKeySet();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  void booked(String pool) {
    allocations(pool, "booked").inc();
  }

  void exhausted(String pool) {
    allocations(pool, "exhausted").inc();
  }

  /**
   * The pool's counter for the outcome, registered (and the pool's gauge with it) on first use;
   * kept here, as the registry's lookup builds and hashes a metric id on every call.
   */
  private Counter allocations(String pool, String outcome) {
    return counters.computeIfAbsent(
        pool + '\n' + outcome,
        key -> {
          gauge(pool);
          return registry.counter(ALLOCATIONS, new Tag("pool", pool), new Tag("outcome", outcome));
        });
  }

  private void gauge(String pool) {
    if (gauged.add(pool)) {
      registry.gauge(UTILISATION, bookings, b -> b.utilisation(pool), new Tag("pool", pool));
    }
  }
}
