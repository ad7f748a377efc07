package io.callflow.platform.persistence;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Stateless;

/**
 * The one data source. XA, because a database change and the JMS messages it causes commit or roll
 * back together; PostgreSQL must therefore allow prepared transactions ({@code
 * max_prepared_transactions} at least {@link #MAX_POOL_SIZE}), which {@link SchemaMigration} checks
 * at startup.
 */
@DataSourceDefinition(
    name = CallflowDataSource.JNDI_NAME,
    className = "org.postgresql.xa.PGXADataSource",
    url = "${MPCONFIG=" + ConfigKeys.DB_URL + "}",
    user = "${MPCONFIG=" + ConfigKeys.DB_USER + "}",
    password = "${MPCONFIG=" + ConfigKeys.DB_PASSWORD + "}",
    minPoolSize = 0,
    maxPoolSize = CallflowDataSource.MAX_POOL_SIZE,
    properties = {
      // a restarted database must not leave the pool full of dead connections
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=true",
      // a database that is down answers "no" in seconds, so requests get their 503 instead of
      // waiting
      "connectTimeout=5",
      "loginTimeout=5"
    })
@Stateless
public class CallflowDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/callflow";
  public static final int MAX_POOL_SIZE = 32;
}
