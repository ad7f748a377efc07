package io.callflow.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  void booked(String pool) {
    registry.counter(ALLOCATIONS, new Tag("pool", pool), new Tag("outcome", "booked")).inc();
    gauge(pool);
  }

  void exhausted(String pool) {
    registry.counter(ALLOCATIONS, new Tag("pool", pool), new Tag("outcome", "exhausted")).inc();
    gauge(pool);
  }

  private void gauge(String pool) {
    if (gauged.add(pool)) {
      registry.gauge(UTILISATION, bookings, b -> b.utilisation(pool), new Tag("pool", pool));
    }
  }
}
