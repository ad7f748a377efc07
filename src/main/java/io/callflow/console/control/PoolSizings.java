package io.callflow.console.control;

import io.callflow.console.entity.PoolSample;
import io.callflow.console.entity.PoolSizing;
import io.callflow.platform.persistence.CallflowDataSource;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every pool's last hour from its samples: the utilisation series and the sizing advice. Reads only
 * {@code pool_sample} and {@code pool}, never the booking table.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolSizings {

  static final Duration WINDOW = Duration.ofHours(1);

  static final String READ =
      "SELECT p.name, p.allocation, p.booking_timeout_seconds, s.sampled_at, s.numbers,"
          + " s.live_bookings, s.bookings_started, s.bookings_ended, s.held_seconds"
          + " FROM pool p LEFT JOIN pool_sample s ON s.pool_name = p.name AND s.sampled_at > ?"
          + " ORDER BY p.name, s.sampled_at";

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  javax.sql.DataSource dataSource;

  @Inject PoolSampler sampler;
  @Inject Clock clock;

  private record Pool(boolean locking, Duration timeout, List<PoolSample> samples) {}

  public List<PoolSizing> lastHour() {
    Map<String, Pool> pools = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read = connection.prepareStatement(READ)) {
      read.setTimestamp(1, Timestamp.from(clock.instant().minus(WINDOW)));
      try (ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          boolean locking = "LOCKING".equals(rows.getString(2));
          Duration timeout = Duration.ofSeconds(rows.getInt(3));
          Pool pool =
              pools.computeIfAbsent(
                  rows.getString(1), name -> new Pool(locking, timeout, new ArrayList<>()));
          Timestamp at = rows.getTimestamp(4);
          if (at != null) {
            pool.samples()
                .add(
                    new PoolSample(
                        at.toInstant(),
                        rows.getInt(5),
                        rows.getInt(6),
                        rows.getInt(7),
                        rows.getInt(8),
                        rows.getDouble(9)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("pool samples unreadable", e);
    }
    Duration interval = sampler.interval();
    List<PoolSizing> sizings = new ArrayList<>();
    pools.forEach(
        (name, pool) ->
            sizings.add(
                PoolSizing.of(name, pool.locking(), pool.timeout(), interval, pool.samples())));
    return sizings;
  }
}
