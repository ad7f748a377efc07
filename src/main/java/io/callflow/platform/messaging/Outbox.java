package io.callflow.platform.messaging;

import io.callflow.platform.domain.Ids;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.persistence.Sql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes outgoing messages in the caller's transaction (a transaction of its own when there is
 * none) and wakes the relay once that transaction has committed.
 *
 * <p>A transaction's messages are collected and written in one statement as it commits, before the
 * persistence context's own writes: a request causing several messages pays one round trip for
 * them. The synchronization that writes them is registered with the transaction manager, not
 * interposed, because interposed ones run after the persistence unit has written its changes and
 * given up its part of the transaction.
 */
@ApplicationScoped
public class Outbox {

  private static final String INSERT =
      "INSERT INTO outbox_message (message_id, destination, topic, type, body, properties,"
          + " group_id, deliver_at) VALUES ";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz))";
  private static final int COLUMNS = 8;

  private static final Object BATCH = new Object();

  @Inject Sql sql;
  @Resource TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "java:appserver/TransactionManager")
  TransactionManager transactionManager;

  @Inject OutboxSignal signal;

  /**
   * Adds {@code message} to the caller's transaction, or writes it in a transaction of its own when
   * there is none. Not an interceptor's {@code @Transactional}: a request adds a message or two,
   * and each interception looked the invocation up twice.
   */
  public void add(OutgoingMessage message) {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      addAlone(message);
      return;
    }
    Batch batch = (Batch) transactions.getResource(BATCH);
    if (batch == null) {
      batch = new Batch();
      transactions.putResource(BATCH, batch);
      register(batch);
    }
    if (batch.written) {
      write(List.of(message)); // caused while the transaction completes: written at once
    } else {
      batch.messages.add(message);
    }
  }

  private void addAlone(OutgoingMessage message) {
    try {
      transactionManager.begin();
    } catch (NotSupportedException | SystemException e) {
      throw new IllegalStateException("No transaction for an outbox message", e);
    }
    try {
      add(message);
    } catch (RuntimeException e) {
      try {
        transactionManager.rollback();
      } catch (SystemException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    try {
      transactionManager.commit();
    } catch (RollbackException
        | HeuristicMixedException
        | HeuristicRollbackException
        | SystemException e) {
      throw new IllegalStateException("An outbox message was not written", e);
    }
  }

  private void register(Batch batch) {
    try {
      transactionManager.getTransaction().registerSynchronization(batch);
    } catch (RollbackException | SystemException e) {
      throw new IllegalStateException("Outbox messages cannot join the transaction", e);
    }
  }

  /** One statement for all {@code messages}, in their order (the row ids keep it). */
  private void write(List<OutgoingMessage> messages) {
    StringBuilder insert = new StringBuilder(INSERT);
    Object[] parameters = new Object[messages.size() * COLUMNS];
    for (int row = 0; row < messages.size(); row++) {
      // deliver_at is sent as a date-time or null: the cast gives a null the column's type
      insert.append(row == 0 ? "" : ", ").append(ROW);
      OutgoingMessage message = messages.get(row);
      int p = row * COLUMNS;
      parameters[p] = Ids.internal();
      parameters[p + 1] = message.destination();
      parameters[p + 2] = message.topic();
      parameters[p + 3] = message.type();
      parameters[p + 4] = message.body();
      parameters[p + 5] =
          message.properties().isEmpty() ? null : StringObjects.toText(message.properties());
      parameters[p + 6] = message.group().orElse(null);
      parameters[p + 7] = message.deliverAt().orElse(null);
    }
    sql.update(insert.toString(), parameters);
  }

  /** A transaction's messages, written as it commits; the relay is woken once it has. */
  private final class Batch implements Synchronization {
    final List<OutgoingMessage> messages = new ArrayList<>(4);
    boolean written;

    @Override
    public void beforeCompletion() {
      written = true;
      if (!messages.isEmpty()) {
        write(messages);
      }
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        signal.wake();
      }
    }
  }
}
