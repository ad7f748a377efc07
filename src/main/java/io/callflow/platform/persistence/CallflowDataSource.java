package io.callflow.platform.persistence;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Stateless;

/**
 * The one data source. Not XA: every transaction has the database as its only resource (what it
 * causes on the broker is written to the outbox), so it commits in one phase and PostgreSQL needs
 * no prepared transactions.
 */
@DataSourceDefinition(
    name = CallflowDataSource.JNDI_NAME,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=" + ConfigKeys.DB_URL + "}",
    user = "${MPCONFIG=" + ConfigKeys.DB_USER + "}",
    password = "${MPCONFIG=" + ConfigKeys.DB_PASSWORD + "}",
    minPoolSize = 0,
    maxPoolSize = CallflowDataSource.MAX_POOL_SIZE,
    properties = {
      // a restarted database must not leave the pool full of dead connections, but a round trip
      // to validate every checkout costs as much as a request's own work: a connection is checked
      // at most once in two seconds, and one found dead (or failing a request) empties the pool
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=2",
      "fish.payara.fail-all-connections=true",
      // every connection of the pool is alike (one user, one database): matching a free one to the
      // request compared their whole property maps on every checkout
      "fish.payara.match-connections=false",
      // a request that finds every connection busy answers 503 within seconds instead of a minute
      "fish.payara.max-wait-time-in-millis=" + CallflowDataSource.MAX_WAIT_MILLIS,
      // a database that is down or hung answers "no" in seconds, so requests get their 503
      // instead of waiting: connecting, reading a reply and waiting for a row lock are bounded
      "connectTimeout=5",
      "loginTimeout=5",
      "socketTimeout=10",
      "options=-c lock_timeout=5s"
    })
@Stateless
public class CallflowDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/callflow";
  public static final int MAX_POOL_SIZE = 32;

  /** How long a request waits for a pooled connection before it is answered 503. */
  public static final int MAX_WAIT_MILLIS = 5000;
}
