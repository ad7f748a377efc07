package io.callflow.platform.messaging;

import io.callflow.platform.persistence.CallflowDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * What operators watch of the outbox on /metrics: the backlog (rows not yet sent, read from the
 * database when scraped, -1 while it cannot be read) and the time from a message's commit to its
 * arrival at the broker.
 */
@ApplicationScoped
public class OutboxMetrics {

  static final String BACKLOG = "callflow_outbox_backlog";
  static final String LATENCY = "callflow_outbox_commit_to_broker";

  @Inject MetricRegistry registry;

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  private Histogram latency;

  /**
   * A histogram in microseconds (written in seconds on /metrics), not a timer: this Payara writes a
   * timer's nanoseconds as if they were seconds, a billion times the latency.
   */
  @PostConstruct
  void register() {
    latency =
        registry.histogram(
            Metadata.builder()
                .withName(LATENCY)
                .withDescription("From a message's write to the outbox to the broker taking it")
                .withUnit(MetricUnits.MICROSECONDS)
                .build());
    registry.gauge(BACKLOG, this, OutboxMetrics::backlog);
  }

  void sent(List<Instant> writtenAt) {
    Instant now = Instant.now();
    writtenAt.forEach(at -> latency.update(Duration.between(at, now).toNanos() / 1_000));
  }

  /** Messages written and not yet sent; -1 when the database cannot be asked. */
  public long backlog() {
    try (Connection db = dataSource.getConnection();
        Statement count = db.createStatement();
        ResultSet result = count.executeQuery("SELECT count(*) FROM outbox_message")) {
      return result.next() ? result.getLong(1) : 0;
    } catch (SQLException e) {
      return -1;
    }
  }

  /**
   * When the oldest message still waiting was written; empty when none waits or the database cannot
   * be asked. For the operations console, never a request.
   */
  public Optional<Instant> oldestWaiting() {
    try (Connection db = dataSource.getConnection();
        Statement oldest = db.createStatement();
        ResultSet result = oldest.executeQuery("SELECT min(created_at) FROM outbox_message")) {
      Timestamp at = result.next() ? result.getTimestamp(1) : null;
      return Optional.ofNullable(at).map(Timestamp::toInstant);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }
}
