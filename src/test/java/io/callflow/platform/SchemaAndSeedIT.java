package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What Flyway and the demo seed leave in a fresh database. */
class SchemaAndSeedIT {

  @Test
  void builtInServicesExistUnderTheirGmsNames() throws SQLException {
    Set<String> services = new HashSet<>();
    query("SELECT name FROM service WHERE built_in", rs -> services.add(rs.getString(1)));
    assertEquals(
        Set.of(
            "request-interaction",
            "request-inbound-immediate",
            "request-inbound-delay",
            "request-inbound-delay-location",
            "request-inbound-poll",
            "request-outbound-immediate",
            "request-outbound-delay",
            "request-outbound-poll",
            "request-access",
            "match-interaction",
            "samples",
            "a2c-advanced-sync-enterprise-initiated",
            "a2c-advanced-async-enterprise-initiated",
            "a2c-advanced-poll-enterprise-initiated"),
        services);
  }

  @Test
  void demoPoolsAndDefaultQueueAreSeeded() throws SQLException {
    Map<String, String> allocation = new HashMap<>();
    Map<String, Integer> numbers = new HashMap<>();
    Set<String> located = new HashSet<>();
    query(
        "SELECT name, allocation, latitude FROM pool",
        rs -> {
          allocation.put(rs.getString(1), rs.getString(2));
          if (rs.getObject(3) != null) {
            located.add(rs.getString(1));
          }
        });
    query(
        "SELECT pool_name, count(*) FROM access_number GROUP BY pool_name",
        rs -> numbers.put(rs.getString(1), rs.getInt(2)));
    assertEquals("LOCKING", allocation.get("DNIS"));
    assertEquals(20, numbers.get("DNIS"));
    assertEquals("SHARED", allocation.get("SHARED"));
    assertEquals(2, numbers.get("SHARED"));
    assertTrue(!located.isEmpty(), "a pool with a location");

    Set<String> queues = new HashSet<>();
    query("SELECT name FROM virtual_queue", rs -> queues.add(rs.getString(1)));
    assertTrue(queues.contains("default"), queues::toString);
  }

  interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private static void query(String sql, Row row) throws SQLException {
    try (Connection connection = TestServer.stack().connectToDatabase();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        row.read(rs);
      }
    }
  }
}
