package io.callflow.access.control;

import io.callflow.platform.rest.ProblemException;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A service's configuration names a pool this server does not have (a fresh deployment without the
 * demo seed, a pool deleted under a service): the server's configuration is at fault, not the app,
 * so 503, with the pool named for the operator.
 */
@ApplicationException(rollback = true)
public class PoolMissing extends ProblemException {

  /** An operator adding the pool makes the service work again; no sooner. */
  private static final long RETRY_AFTER_SECONDS = 60;

  public PoolMissing(String pool) {
    super(
        503,
        "SERVICE_UNAVAILABLE",
        "PoolNotConfigured",
        "the service's configuration names the pool "
            + pool
            + ", which this server does not have (an operator creates it: PUT /admin/pools/"
            + pool
            + ")",
        List.of(),
        RETRY_AFTER_SECONDS);
    with("pool", jakarta.json.Json.createValue(pool));
  }
}
