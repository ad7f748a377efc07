package io.callflow.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rows that nothing reads back through the database before their transaction commits (outbox
 * messages, new app data entries), collected per kind and written as the transaction commits: every
 * kind's statements in one round trip, before the persistence context writes its own changes. A
 * request that causes a message and stores app data pays one round trip for both.
 *
 * <p>When the persistence context has nothing left to write, the commit itself rides in that round
 * trip: the statements end with {@code COMMIT}, and the transaction manager's own commit then finds
 * the connection's transaction ended and sends nothing. A request then pays two round trips (its
 * first statement, and its rows with the commit) where it paid three. So a statement whose outcome
 * decides the transaction checks it in SQL (an error rolls back what went before it), never in Java
 * after it ran.
 *
 * <p>The synchronization is registered with the transaction manager, not interposed: interposed
 * ones run after the persistence unit has written its changes and given up its connection.
 */
@ApplicationScoped
public class CommitWrites {

  /** A transaction's rows of one kind. */
  public interface Rows {

    /** The statements writing the rows collected since it was last asked, none if none. */
    List<Sql.Statement> drain();

    /** Called once the transaction has committed. */
    default void committed() {}
  }

  private static final Object WRITES = new Object();
  private static final Sql.Statement COMMIT = new Sql.Statement("COMMIT");

  @Inject Sql sql;
  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:appserver/TransactionManager")
  TransactionManager transactionManager;

  /**
   * Adds to the caller's transaction's rows of {@code kind}, made by {@code create} on first use.
   * Rows added while the transaction completes (by another synchronization) are written at once.
   *
   * @throws IllegalStateException outside a transaction, or once the rows' commit has been sent
   */
  public <R extends Rows> void add(Class<R> kind, Supplier<R> create, Consumer<R> addition) {
    Writes writes = writes();
    if (writes.committed) {
      throw new IllegalStateException("The transaction has committed with its rows");
    }
    R rows = kind.cast(writes.rows.computeIfAbsent(kind, k -> create.get()));
    addition.accept(rows);
    if (writes.written) {
      sql.updateAll(rows.drain());
    }
  }

  /** The caller's transaction's rows of {@code kind} not yet written, if it has any. */
  public <R extends Rows> Optional<R> pending(Class<R> kind) {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      return Optional.empty();
    }
    Writes writes = (Writes) transactions.getResource(WRITES);
    return writes == null || writes.written
        ? Optional.empty()
        : Optional.ofNullable(writes.rows.get(kind)).map(kind::cast);
  }

  private Writes writes() {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      throw new IllegalStateException("Rows written at commit need a transaction");
    }
    Writes writes = (Writes) transactions.getResource(WRITES);
    if (writes == null) {
      writes = new Writes();
      transactions.putResource(WRITES, writes);
      try {
        transactionManager.getTransaction().registerSynchronization(writes);
      } catch (RollbackException | SystemException e) {
        throw new IllegalStateException("Rows cannot join the transaction", e);
      }
    }
    return writes;
  }

  /** One transaction's rows, by kind in the order first added. */
  private final class Writes implements Synchronization {
    final Map<Class<?>, Rows> rows = new LinkedHashMap<>(4);
    boolean written;
    boolean committed;

    @Override
    public void beforeCompletion() {
      written = true;
      List<Sql.Statement> statements = new ArrayList<>(rows.size() + 2);
      for (Rows each : rows.values()) {
        statements.addAll(each.drain());
      }
      if (statements.isEmpty()) {
        return;
      }
      // after the drain: writing at commit takes changed instances out of the persistence context
      boolean withCommit =
          !transactions.getRollbackOnly() && PersistenceContexts.writesNothingAtCommit(em);
      if (withCommit) {
        statements.add(COMMIT);
      }
      sql.updateAll(statements);
      committed = withCommit;
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        rows.values().forEach(Rows::committed);
      }
    }
  }
}
