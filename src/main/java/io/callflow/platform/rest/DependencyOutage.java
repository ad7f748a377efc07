package io.callflow.platform.rest;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a failure caused by a dependency being unreachable — the broker (a JMS failure
 * anywhere in the causes) or the database (connection refused or lost, the pool unable to open a
 * connection, the server shutting down) — so the client hears 503 and retries rather than a 500
 * that says nothing.
 */
final class DependencyOutage {

  /** Which dependency failed, as the problem's {@code exception} names it. */
  enum Dependency {
    BROKER("BrokerUnavailable", "the message broker"),
    DATABASE("DatabaseUnavailable", "the database"),
    /**
     * A resource failed while the transaction completed (a broker or database going away between
     * the work and the commit or rollback): the transaction manager rolls back what it can and
     * recovers the rest once the resource is back, so the request may simply be repeated.
     */
    TRANSACTION("TransactionAborted", "the database or the message broker");

    final String exception;
    final String description;

    Dependency(String exception, String description) {
      this.exception = exception;
      this.description = description;
    }
  }

  static final long RETRY_AFTER_SECONDS = 5;

  private DependencyOutage() {}

  /** The dependency whose outage caused {@code thrown}, if one did. */
  static Optional<Dependency> of(Throwable thrown) {
    Throwable database = null;
    boolean rolledBack = false;
    for (Throwable current : Causes.of(thrown)) {
      if (current instanceof jakarta.jms.JMSException
          || current instanceof jakarta.jms.JMSRuntimeException
          || current
              .getClass()
              .getName()
              .startsWith("org.apache.activemq.artemis.api.core.ActiveMQ")) {
        return Optional.of(
            Dependency.BROKER); // checked first: a JMS pool reports allocation failures too
      }
      if (database == null && isDatabaseCause(current)) {
        database = current;
      }
      if (current instanceof jakarta.transaction.RollbackException
          || current instanceof jakarta.transaction.HeuristicRollbackException
          || current instanceof jakarta.transaction.HeuristicMixedException
          || current instanceof jakarta.transaction.SystemException) {
        rolledBack = true;
      }
    }
    if (database != null) {
      return Optional.of(Dependency.DATABASE);
    }
    return rolledBack ? Optional.of(Dependency.TRANSACTION) : Optional.empty();
  }

  /** The innermost cause, for the log line. */
  static String describe(Throwable thrown) {
    List<Throwable> chain = Causes.of(thrown);
    Throwable cause = chain.get(chain.size() - 1);
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private static boolean isDatabaseCause(Throwable current) {
    if (current instanceof SQLException sql) {
      for (SQLException each = sql; each != null; each = each.getNextException()) {
        String state = each.getSQLState();
        // class 08: connection exception; 57P: the server is shutting down or cannot accept
        // connections
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
      }
    }
    return current instanceof java.net.ConnectException
        || current.getClass().getName().endsWith("ResourceAllocationException")
        || String.valueOf(current.getMessage()).contains("Error in allocating a connection");
  }
}
