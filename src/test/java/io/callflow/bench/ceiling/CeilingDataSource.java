package io.callflow.bench.ceiling;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Stateless;

/**
 * The ceiling's own pool on the product's database: not XA, not enlisted in JTA, no validation on
 * checkout — the cheapest way Payara hands out a connection. Same size as the product's pool.
 */
@DataSourceDefinition(
    name = CeilingDataSource.JNDI_NAME,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=callflow.db.url}",
    user = "${MPCONFIG=callflow.db.user}",
    password = "${MPCONFIG=callflow.db.password}",
    transactional = false,
    minPoolSize = 0,
    maxPoolSize = 32,
    properties = {"fish.payara.is-connection-validation-required=false"})
@Stateless
public class CeilingDataSource {
  public static final String JNDI_NAME = "java:app/jdbc/bench";
}
