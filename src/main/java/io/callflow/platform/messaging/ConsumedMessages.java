package io.callflow.platform.messaging;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Runs a message-driven bean's work once per message, in one local database transaction that also
 * records the message's id: a redelivery (the broker did not hear the acknowledgement before a
 * crash or a broker restart) changes nothing twice. The broker is acknowledged after the commit, so
 * a failure before it redelivers the message, and then dead-letters it after bounded attempts.
 */
@Stateless
public class ConsumedMessages {

  private static final Logger LOG = Logger.getLogger(ConsumedMessages.class.getName());

  @PersistenceContext EntityManager em;

  public void once(Message message, Runnable work) {
    String id = idOf(message);
    int first =
        em.createNativeQuery(
                "INSERT INTO processed_message (message_id) VALUES (?1) ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .executeUpdate();
    if (first == 0) {
      LOG.fine(() -> "Message " + id + " was carried out before; delivered again, ignored");
      return;
    }
    work.run();
  }

  /** Forgets messages a day old: redeliveries come within minutes. */
  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void purge() {
    em.createNativeQuery(
            "DELETE FROM processed_message WHERE processed_at < now() - interval '1 day'")
        .executeUpdate();
  }

  private static String idOf(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      throw new IllegalStateException("a message without an id", e);
    }
  }
}
