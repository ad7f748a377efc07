package io.callflow.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL server of its own (not this JVM's), stopped and started by the operator's commands.
 */
final class ExternalDatabase implements DatabaseService {

  private final ExternalServices services;

  private ExternalDatabase(ExternalServices services) {
    this.services = services;
  }

  /** Waits until the server accepts connections (it may be starting still). */
  static ExternalDatabase connect(ExternalServices services) throws InterruptedException {
    ExternalDatabase database = new ExternalDatabase(services);
    long deadline = System.nanoTime() + ExternalServices.READY_TIMEOUT.toNanos();
    while (true) {
      try (Connection ignored =
          DriverManager.getConnection(
              services.databaseUrl(), services.databaseUser(), services.databasePassword())) {
        return database;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "PostgreSQL at " + services.databaseUrl() + " is not reachable: " + e, e);
        }
        Thread.sleep(250);
      }
    }
  }

  /** Starts the server again with the operator's start command. */
  static ExternalDatabase start(ExternalServices services) throws Exception {
    ExternalServices.run(services.databaseStartCommand());
    return connect(services);
  }

  @Override
  public String jdbcUrl() {
    return services.databaseUrl();
  }

  @Override
  public String user() {
    return services.databaseUser();
  }

  @Override
  public String password() {
    return services.databasePassword();
  }

  /** Stops the server (the stack's "database down"). */
  @Override
  public void close() throws Exception {
    ExternalServices.run(services.databaseStopCommand());
  }
}
