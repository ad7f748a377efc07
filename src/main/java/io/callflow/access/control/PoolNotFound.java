package io.callflow.access.control;

/** The admin API names a pool this server does not have. */
public final class PoolNotFound extends AccessRefusal {

  public PoolNotFound(String pool) {
    super("no pool named " + pool);
  }
}
