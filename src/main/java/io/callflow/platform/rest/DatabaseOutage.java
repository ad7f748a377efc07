package io.callflow.platform.rest;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a failure caused by the database being unreachable (connection refused or lost, the pool
 * unable to open a connection, the server shutting down), so the client hears 503 and retries rather
 * than a 500 that says nothing.
 */
final class DatabaseOutage {

  static final long RETRY_AFTER_SECONDS = 5;

  private DatabaseOutage() {}

  static boolean isCause(Throwable thrown) {
    return find(thrown) != null;
  }

  static String describe(Throwable thrown) {
    Throwable cause = find(thrown);
    return cause == null ? "?" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private static Throwable find(Throwable thrown) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable current = thrown; current != null && seen.put(current, true) == null; current = current.getCause()) {
      if (current instanceof SQLException sql) {
        for (SQLException each = sql; each != null; each = each.getNextException()) {
          String state = each.getSQLState();
          // class 08: connection exception; 57P: the server is shutting down or cannot accept connections
          if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return each;
          }
        }
      }
      if (current instanceof java.net.ConnectException
          || current.getClass().getName().endsWith("ResourceAllocationException")
          || String.valueOf(current.getMessage()).contains("Error in allocating a connection")) {
        return current;
      }
    }
    return null;
  }
}
