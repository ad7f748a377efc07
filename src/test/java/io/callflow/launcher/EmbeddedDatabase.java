package io.callflow.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL (binaries delivered through Maven) whose data survives restarts, listening
 * on loopback only, with prepared transactions enabled for XA.
 */
public final class EmbeddedDatabase implements DatabaseService {

  public static final String DATABASE = "callflow";
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  /** PostgreSQL's default is 0; the application's pool needs one per connection. */
  public static final int MAX_PREPARED_TRANSACTIONS = 64;

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  public static EmbeddedDatabase start(Path dataDir, int port, int maxPreparedTransactions)
      throws IOException, SQLException {
    Files.createDirectories(dataDir);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_prepared_transactions", String.valueOf(maxPreparedTransactions))
            .setServerConfig("max_connections", "200")
            // the embedded default is off, which could lose committed bookings on a crash
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .start();
    createDatabaseIfMissing(postgres);
    return new EmbeddedDatabase(postgres, port);
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + DATABASE);
          }
        }
      }
    }
  }

  public int port() {
    return port;
  }

  @Override
  public String user() {
    return USER;
  }

  @Override
  public String password() {
    return PASSWORD;
  }

  @Override
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
