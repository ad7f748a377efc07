package io.callflow.platform.persistence;

import io.callflow.platform.config.ConfigKeys;
import io.callflow.platform.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads demo pools, numbers and virtual queues from a JSON file (server-config/seed.json in the
 * embedded start) into a database that has none, so a fresh start has something to allocate from.
 * Pools are loaded only when there are no pools at all, queues only when there are no queues: an
 * operator's own configuration is never touched.
 */
@ApplicationScoped
public class DemoSeed {

  private static final Logger LOG = Logger.getLogger(DemoSeed.class.getName());

  @Inject
  @ConfigProperty(name = ConfigKeys.SEED_PATH, defaultValue = "none")
  String seedPath;

  void loadIfEmpty(DataSource dataSource) throws SQLException {
    if ("none".equals(seedPath)) {
      return;
    }
    Path file = Path.of(seedPath);
    if (!Files.isReadable(file)) {
      LOG.warning("Demo seed " + file.toAbsolutePath() + " not found; nothing loaded");
      return;
    }
    JsonObject seed = read(file);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      if (isEmpty(connection, "pool")) {
        int pools = 0;
        for (JsonValue pool : seed.getJsonArray("pools")) {
          insertPool(connection, pool.asJsonObject());
          pools++;
        }
        LOG.info("Demo seed: loaded " + pools + " pool(s) from " + file);
      }
      if (isEmpty(connection, "virtual_queue")) {
        for (JsonValue queue : seed.getJsonArray("queues")) {
          try (PreparedStatement insert =
              connection.prepareStatement("INSERT INTO virtual_queue (name) VALUES (?)")) {
            insert.setString(1, queue.asJsonObject().getString("name"));
            insert.executeUpdate();
          }
        }
        LOG.info("Demo seed: loaded virtual queues from " + file);
      }
      connection.commit();
    }
  }

  private static JsonObject read(Path file) {
    try (Reader in = Files.newBufferedReader(file);
        JsonReader reader = Jsonp.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read demo seed " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Connection connection, String table) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM " + table + " LIMIT 1");
        ResultSet rs = query.executeQuery()) {
      return !rs.next();
    }
  }

  private static void insertPool(Connection connection, JsonObject pool) throws SQLException {
    String name = pool.getString("name");
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO pool (name, allocation, choice, booking_timeout_seconds, latitude, longitude,"
                + " radius_km) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, name);
      insert.setString(2, pool.getString("allocation"));
      insert.setString(3, pool.getString("choice", "RANDOM"));
      insert.setInt(4, pool.getInt("bookingTimeoutSeconds", 30));
      JsonObject location = pool.getJsonObject("location");
      setNullableDouble(insert, 5, location, "latitude");
      setNullableDouble(insert, 6, location, "longitude");
      setNullableDouble(insert, 7, location, "radiusKm");
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO access_number (number, pool_name) VALUES (?, ?)")) {
      for (JsonString number : pool.getJsonArray("numbers").getValuesAs(JsonString.class)) {
        insert.setString(1, number.getString());
        insert.setString(2, name);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void setNullableDouble(
      PreparedStatement statement, int index, JsonObject location, String key) throws SQLException {
    if (location == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, location.getJsonNumber(key).doubleValue());
    }
  }
}
