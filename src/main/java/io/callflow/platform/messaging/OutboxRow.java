package io.callflow.platform.messaging;

import io.callflow.platform.json.StringObjects;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A message waiting in the outbox, as the relay reads, sends and deletes it. */
record OutboxRow(
    long id,
    String messageId,
    String destination,
    boolean topic,
    String type,
    String body,
    String properties,
    String group,
    Timestamp deliverAt,
    Instant createdAt) {

  /**
   * The oldest {@code limit} rows, in the order they were written, when this transaction takes the
   * sender lock {@code senderLock}; none when another transaction holds it. Two statements in one
   * round trip. The first takes the lock, notes whether it got it, and has the second read the
   * outbox by its index (under load the table's heap swells with deleted rows, autovacuum frees
   * them but keeps the pages, and with a few live rows over many pages the planner prefers a
   * sequential scan: every dead row read about a hundred times a second, while the index passes
   * over them). The second reads only with the lock, and it must be a statement of its own: its
   * snapshot is taken after the lock, so it sees the delete of the sender that held the lock before
   * and sends none of those rows again.
   */
  static List<OutboxRow> oldestIfSender(Connection db, long senderLock, int limit)
      throws SQLException {
    List<OutboxRow> rows = new ArrayList<>();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT set_config('callflow.relay_sender', pg_try_advisory_xact_lock(?)::text, true),"
                + " set_config('enable_seqscan', 'off', true);\n"
                + "SELECT id, message_id, destination, topic, type, body, properties, group_id,"
                + " deliver_at, created_at FROM outbox_message"
                + " WHERE current_setting('callflow.relay_sender') = 'true' ORDER BY id LIMIT "
                + limit)) {
      select.setLong(1, senderLock);
      select.execute();
      select.getMoreResults();
      try (ResultSet result = select.getResultSet()) {
        while (result.next()) {
          rows.add(
              new OutboxRow(
                  result.getLong(1),
                  result.getString(2),
                  result.getString(3),
                  result.getBoolean(4),
                  result.getString(5),
                  result.getString(6),
                  result.getString(7),
                  result.getString(8),
                  result.getTimestamp(9),
                  result.getTimestamp(10).toInstant()));
        }
      }
    }
    return rows;
  }

  /**
   * Deletes {@code rows} and commits, in one round trip; the connection's own commit then finds its
   * transaction ended and sends nothing.
   */
  static void deleteAndCommit(Connection db, List<OutboxRow> rows) throws SQLException {
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM outbox_message WHERE id = ANY (?);\nCOMMIT")) {
      delete.setArray(
          1, db.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray(Long[]::new)));
      delete.execute();
    }
  }

  /**
   * The JMS message: its type, its properties, the duplicate-detection id (the row's message id),
   * its group, and its due time when that is still ahead.
   */
  TextMessage toMessage(Session session) throws JMSException {
    TextMessage message = session.createTextMessage(body);
    message.setStringProperty(Destinations.TYPE_PROPERTY, type);
    if (properties != null) {
      for (var property : StringObjects.read(properties).entrySet()) {
        message.setStringProperty(property.getKey(), property.getValue());
      }
    }
    message.setStringProperty(Destinations.DUPLICATE_ID_PROPERTY, messageId);
    if (group != null) {
      message.setStringProperty(Destinations.GROUP_PROPERTY, group);
    }
    if (deliverAt != null && deliverAt.getTime() > System.currentTimeMillis()) {
      message.setLongProperty(Destinations.SCHEDULED_DELIVERY_PROPERTY, deliverAt.getTime());
    }
    return message;
  }
}
