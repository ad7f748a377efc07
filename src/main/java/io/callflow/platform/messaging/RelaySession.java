package io.callflow.platform.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.logging.Logger;

/**
 * The outbox relay's connection, its transacted session and one producer for every destination.
 * Kept from batch to batch until a send fails: opening them asks the broker three times, and a new
 * producer starts without send credits, so under load every batch waited for the broker before its
 * first message.
 */
record RelaySession(Connection connection, Session session, MessageProducer producer) {

  private static final Logger LOG = Logger.getLogger(RelaySession.class.getName());

  static RelaySession open(ConnectionFactory factory) throws JMSException {
    Connection connection = factory.createConnection();
    try {
      Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
      return new RelaySession(connection, session, session.createProducer(null));
    } catch (JMSException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Closes the connection, and the session and producer with it; a failure is only logged. */
  void close() {
    try {
      connection.close();
    } catch (JMSException | RuntimeException e) {
      LOG.fine(() -> "Outbox relay: closing its broker session failed: " + e);
    }
  }
}
