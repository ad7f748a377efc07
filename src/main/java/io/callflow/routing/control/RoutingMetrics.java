package io.callflow.routing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What operators watch on /metrics about queues: reservations made, and per queue the customers
 * waiting and the EWT's mean absolute error, read from the database when scraped (so right for
 * every server on that database). A queue is gauged once this server has queued or dispatched in
 * it.
 */
@ApplicationScoped
public class RoutingMetrics {

  static final String RESERVATIONS = "callflow_agent_reservations_total";
  static final String WAITING = "callflow_queue_waiting";
  static final String EWT_ERROR = "callflow_queue_ewt_mean_absolute_error_seconds";

  @Inject MetricRegistry registry;
  @Inject QueueStatistics statistics;

  private final Set<String> gauged = ConcurrentHashMap.newKeySet();

  void queued(String queue) {
    gauge(queue);
  }

  void reserved(String queue) {
    registry.counter(RESERVATIONS, new Tag("queue", queue)).inc();
    gauge(queue);
  }

  private void gauge(String queue) {
    if (gauged.add(queue)) {
      Tag tag = new Tag("queue", queue);
      registry.gauge(WAITING, statistics, s -> s.of(queue).waiting(), tag);
      registry.gauge(EWT_ERROR, statistics, s -> s.of(queue).meanAbsoluteErrorSeconds(), tag);
    }
  }
}
