package io.callflow.platform.messaging;

import io.callflow.platform.json.StringObjects;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * Writes outgoing messages in the caller's transaction (a transaction of its own when there is
 * none) and wakes the relay once that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

  private static final Object WAKE_REGISTERED = new Object();

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;
  @Inject OutboxSignal signal;

  @Transactional
  public void add(OutgoingMessage message) {
    em.createNativeQuery(
            "INSERT INTO outbox_message (message_id, destination, topic, type, body, properties,"
                + " group_id, deliver_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS timestamptz))")
        // the row depends on nothing the persistence context holds: no early flush for it
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, UUID.randomUUID().toString())
        .setParameter(2, message.destination())
        .setParameter(3, message.topic())
        .setParameter(4, message.type())
        .setParameter(5, message.body())
        .setParameter(
            6, message.properties().isEmpty() ? null : StringObjects.toText(message.properties()))
        .setParameter(7, message.group().orElse(null))
        .setParameter(8, message.deliverAt().map(Timestamp::from).orElse(null))
        .executeUpdate();
    if (transactions.getResource(WAKE_REGISTERED) == null) {
      transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                signal.wake();
              }
            }
          });
    }
  }
}
