package io.callflow.platform.health;

import io.callflow.platform.persistence.CallflowDataSource;
import io.callflow.platform.persistence.MigrationOutcome;
import io.callflow.platform.persistence.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the schema migration succeeded and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject SchemaMigration schemaMigration;

  @Override
  public HealthCheckResponse call() {
    MigrationOutcome migration = schemaMigration.outcome();
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("database")
            .withData("migration", migration.state().name())
            .withData("migrationDetail", migration.detail());
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return health.down().withData("error", "connection not valid").build();
      }
    } catch (SQLException e) {
      return health.down().withData("error", String.valueOf(e.getMessage())).build();
    }
    return health.status(migration.succeeded()).build();
  }
}
