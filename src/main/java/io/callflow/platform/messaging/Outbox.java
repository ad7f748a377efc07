package io.callflow.platform.messaging;

import io.callflow.platform.domain.Ids;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.persistence.CommitWrites;
import io.callflow.platform.persistence.Sql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes outgoing messages in the caller's transaction (a transaction of its own when there is
 * none) and wakes the relay once that transaction has committed.
 *
 * <p>A transaction's messages are collected and written in one statement as it commits ({@link
 * CommitWrites}, in the same round trip as the transaction's other rows written then): a request
 * causing several messages pays one round trip for them, or none of its own.
 */
@ApplicationScoped
public class Outbox {

  private static final String INSERT =
      "INSERT INTO outbox_message (message_id, destination, topic, type, body, properties,"
          + " group_id, deliver_at) VALUES";
  // deliver_at is sent as a date-time or null: the cast gives a null the column's type
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz))";

  @Inject CommitWrites commitWrites;
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
    commitWrites.add(Batch.class, () -> new Batch(signal), batch -> batch.messages.add(message));
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

  /**
   * A transaction's messages: one statement for all of them, in their order (the row ids keep it).
   */
  private static final class Batch implements CommitWrites.Rows {
    final List<OutgoingMessage> messages = new ArrayList<>(4);
    final OutboxSignal signal;

    Batch(OutboxSignal signal) {
      this.signal = signal;
    }

    @Override
    public List<Sql.Statement> drain() {
      if (messages.isEmpty()) {
        return List.of();
      }
      List<Object[]> rows = new ArrayList<>(messages.size());
      for (OutgoingMessage message : messages) {
        rows.add(
            new Object[] {
              Ids.internal(),
              message.destination(),
              message.topic(),
              message.type(),
              message.body(),
              message.properties().isEmpty() ? null : StringObjects.toText(message.properties()),
              message.group().orElse(null),
              message.deliverAt().orElse(null)
            });
      }
      messages.clear();
      return List.of(Sql.Statement.rows(INSERT, ROW, rows));
    }

    @Override
    public void committed() {
      signal.wake();
    }
  }
}
