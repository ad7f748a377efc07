package io.callflow.access.control;

/**
 * A service's configuration names a pool this server does not have (a fresh deployment without the
 * demo seed, a pool deleted under a service): the server's configuration is at fault, not the app.
 */
public final class PoolMissing extends AccessRefusal {

  private final String pool;

  public PoolMissing(String pool) {
    super(
        "the service's configuration names the pool "
            + pool
            + ", which this server does not have (an operator creates it: PUT /admin/pools/"
            + pool
            + ")");
    this.pool = pool;
  }

  public String pool() {
    return pool;
  }
}
