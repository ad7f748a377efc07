package io.callflow.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway when the application starts, outside any JTA transaction
 * (Flyway manages its own), then loads the demo seed. A database that is down at startup is retried
 * every 10 seconds; readiness stays DOWN until a migration succeeds. A database that cannot take
 * part in XA transactions stops the deployment: the product would otherwise fail on its first flow.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject DemoSeed demoSeed;

  @Resource ManagedScheduledExecutorService retries;

  private static final long RETRY_SECONDS = 10;

  private volatile MigrationOutcome outcome = MigrationOutcome.pending();

  // NOT_SUPPORTED must sit on the method: Payara ignores a class-level one for @PostConstruct
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrateAtStartup() {
    migrate();
  }

  /**
   * Retries on a managed executor, not an EJB timer: Payara runs timer callbacks inside a JTA
   * transaction whatever their attribute, and Flyway cannot work inside one.
   */
  private void retryLater() {
    retries.schedule(
        () -> {
          if (!outcome.succeeded()) {
            migrate();
          }
        },
        RETRY_SECONDS,
        TimeUnit.SECONDS);
  }

  public MigrationOutcome outcome() {
    return outcome;
  }

  private void migrate() {
    try {
      Flyway flyway =
          Flyway.configure(SchemaMigration.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load();
      MigrateResult result = flyway.migrate();
      demoSeed.loadIfEmpty(dataSource);
      String detail =
          "schema at version "
              + flyway.info().current().getVersion()
              + ", "
              + result.migrationsExecuted
              + " migration(s) applied now";
      outcome = new MigrationOutcome(MigrationOutcome.State.SUCCEEDED, detail, Instant.now());
      LOG.info("Database ready: " + detail);
    } catch (RuntimeException | SQLException e) {
      outcome = new MigrationOutcome(MigrationOutcome.State.FAILED, describe(e), Instant.now());
      LOG.log(
          Level.SEVERE,
          "Schema migration failed (retried in " + RETRY_SECONDS + " s): " + describe(e),
          e);
      retryLater();
    }
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + root.getMessage() + ")";
  }
}
