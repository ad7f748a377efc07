package io.callflow.platform.messaging;

import io.callflow.platform.persistence.CallflowDataSource;
import io.callflow.platform.persistence.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends the outbox to the broker, oldest first, and deletes what it sent. Woken at once by a commit
 * on this server; polls for rows written by other server instances or before a restart. One relay
 * sends at a time across all instances (a transaction-scoped advisory lock), so every group's order
 * is the outbox's. A batch goes in one JMS transaction, then its rows are deleted; a relay that
 * dies in between sends them again, and the broker's duplicate detection ({@code _AMQ_DUPL_ID})
 * drops the copies. While the broker is away the relay backs off and messages wait; no request
 * waits with them.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  /** The advisory lock that makes one relay the sender (an arbitrary constant of this product). */
  private static final long SENDER_LOCK = 0x63616c6c666c6f77L;

  /**
   * Rows per batch: under overload the relay waits for a pooled connection like every request, so
   * each checkout must move many (docs/architecture.md, Transactions).
   */
  static final int BATCH = 1000;

  private static final long POLL_MILLIS = 200;

  /**
   * A batch of at least this many rows means commits come faster than the relay sends: it then
   * waits {@link #GATHER_MILLIS} after the next wake, so that batch carries more. The broker pays
   * for every JMS commit (its duplicate-id cache goes to its journal) and the database for every
   * batch's four statements; an idle server's message goes at once.
   */
  static final int BUSY_BATCH = 8;

  static final long GATHER_MILLIS = 5;
  private static final long LONGEST_BACKOFF_MILLIS = 5000;

  @Resource(lookup = CallflowDataSource.JNDI_NAME)
  DataSource dataSource;

  @Resource(lookup = CallflowConnectionFactory.RELAY_JNDI_NAME)
  ConnectionFactory connectionFactory;

  @Resource ManagedThreadFactory threads;
  @Inject SchemaMigration schema;
  @Inject OutboxMetrics metrics;
  @Inject OutboxSignal signal;

  private volatile boolean running;
  private boolean migrated;
  private volatile String brokerProblem;
  private volatile boolean batchRefusalLogged;
  private final java.util.Map<String, Destination> destinations =
      new java.util.concurrent.ConcurrentHashMap<>();
  private Thread thread;

  /** The relay thread's transacted session, kept across batches until a send fails. */
  private RelaySession broker;

  @PostConstruct
  void start() {
    running = true;
    thread = threads.newThread(this::run);
    thread.setName("callflow-outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    signal.wake();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      closeBroker();
    }
  }

  /** Why the last send failed, while the broker is unreachable; empty when sends succeed. */
  public java.util.Optional<String> brokerProblem() {
    return java.util.Optional.ofNullable(brokerProblem);
  }

  private void run() {
    long backoff = 0;
    int lastBatch = 0;
    while (running) {
      try {
        if (backoff > 0) {
          Thread.sleep(backoff); // commits keep waking the relay; the broker gets its pause
        } else {
          signal.await(POLL_MILLIS);
          if (lastBatch >= BUSY_BATCH) {
            Thread.sleep(GATHER_MILLIS);
          }
        }
      } catch (InterruptedException e) {
        return;
      }
      migrated = migrated || schema.outcome().succeeded(); // once migrated, for good
      if (!migrated) {
        continue;
      }
      try {
        do {
          lastBatch = relayBatch();
        } while (running && lastBatch == BATCH); // a full batch: more may be waiting
        if (brokerProblem != null) {
          LOG.info("Outbox relay: the broker takes messages again");
        }
        brokerProblem = null;
        backoff = 0;
      } catch (JMSException | JMSRuntimeException e) {
        if (brokerProblem == null) {
          LOG.warning("Outbox relay: the broker is unreachable, messages wait: " + e);
        }
        brokerProblem = String.valueOf(e.getMessage());
        backoff = Math.min(LONGEST_BACKOFF_MILLIS, Math.max(250, backoff * 2));
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "Outbox relay: a batch failed and is retried", e);
        backoff = Math.min(LONGEST_BACKOFF_MILLIS, Math.max(250, backoff * 2));
      }
    }
  }

  /**
   * Sends one batch and deletes it, in a database transaction that holds the sender lock: two round
   * trips to the database (lock and read, delete and commit).
   */
  private int relayBatch() throws SQLException, JMSException {
    try (Connection db = dataSource.getConnection()) {
      db.setAutoCommit(false);
      try {
        // none when another instance is sending: its rows and ours go in one order
        List<OutboxRow> rows = OutboxRow.oldestIfSender(db, SENDER_LOCK, BATCH);
        if (rows.isEmpty()) {
          db.rollback();
          return 0;
        }
        send(rows);
        OutboxRow.deleteAndCommit(db, rows);
        db.commit(); // sends nothing: the delete committed
        metrics.sent(rows.stream().map(OutboxRow::createdAt).toList());
        return rows.size();
      } catch (SQLException | JMSException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    }
  }

  /**
   * One JMS transaction for the batch (the classic API: the adapter's simplified one has no local
   * transactions outside JTA). If it fails the batch goes again message by message: a duplicate
   * (sent before a crash) fails a whole transaction but is silently dropped when sent alone, and a
   * broker that is away fails that too.
   */
  private void send(List<OutboxRow> rows) throws JMSException {
    try {
      if (broker == null) {
        broker = RelaySession.open(connectionFactory);
      }
      sendAll(broker.session(), broker.producer(), rows);
      broker.session().commit();
      return;
    } catch (JMSException | JMSRuntimeException e) {
      closeBroker(); // the next batch starts on a new session
      if (!batchRefusalLogged) {
        batchRefusalLogged = true;
        LOG.log(Level.INFO, "Outbox relay: a batch was refused, sent one by one: " + e);
      }
    } catch (RuntimeException e) {
      closeBroker(); // its uncommitted sends go with it
      throw e;
    }
    try (jakarta.jms.Connection alone = connectionFactory.createConnection();
        Session session = alone.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
      sendAll(session, session.createProducer(null), rows);
    }
  }

  private void closeBroker() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  private void sendAll(Session session, MessageProducer producer, List<OutboxRow> rows)
      throws JMSException {
    for (OutboxRow row : rows) {
      producer.send(destination(session, row), row.toMessage(session));
    }
  }

  /**
   * The row's destination, created once per name: creating one asks the broker about the address, a
   * round trip per message otherwise.
   */
  private Destination destination(Session session, OutboxRow row) throws JMSException {
    String key = (row.topic() ? "topic:" : "queue:") + row.destination();
    Destination known = destinations.get(key);
    if (known == null) {
      known =
          row.topic()
              ? session.createTopic(row.destination())
              : session.createQueue(row.destination());
      destinations.put(key, known);
    }
    return known;
  }
}
