package io.callflow.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.testing.GmsClient.Reply;
import io.callflow.testing.TestServer;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Apps poll their position every few seconds, so a poll must not count the queue: with 200
 * customers waiting, 600 polls do not count the customers ahead of each, and every answer is still
 * right, also right after customers ahead leave.
 */
class QueuePollsIT {

  private static final int WAITING = 200;
  private static final int POLLS = 600;

  /** PostgreSQL publishes an idle backend's table counts within 10 s. */
  private static final long STATISTICS_DELAY_MILLIS = 11_000;

  @Test
  void pollsDoNotCountTheCustomersAheadAndStayRight() throws Exception {
    try (QueuedFlowsSupport flows = new QueuedFlowsSupport(1);
        Connection db = TestServer.stack().connectToDatabase()) {
      String service = flows.service("request-inbound-poll", "");
      List<String> customers = new ArrayList<>();
      for (int i = 0; i < WAITING; i++) {
        customers.add(flows.create(service, Map.of()).getString("_id"));
      }
      try {
        Thread.sleep(STATISTICS_DELAY_MILLIS); // the creates' reads are counted before
        long before = waitingIndexEntriesRead(db);
        Random random = new Random(11);
        for (int i = 0; i < POLLS; i++) {
          int place = random.nextInt(WAITING);
          assertStanding(flows, customers.get(place), place + 1, WAITING);
        }
        Thread.sleep(STATISTICS_DELAY_MILLIS);
        long read = waitingIndexEntriesRead(db) - before;
        System.out.println(
            "QueuePollsIT: " + POLLS + " polls read " + read + " entries of queue_entry_waiting");
        assertTrue(
            read < (long) POLLS * WAITING / 10,
            POLLS
                + " polls read "
                + read
                + " entries of the waiting customers' index; counting those ahead for each would"
                + " read about "
                + (long) POLLS * WAITING / 2);

        for (int i = 0; i < 10; i++) {
          cancel(flows, customers.remove(0));
        }
        assertStanding(flows, customers.get(100), 101, WAITING - 10);
      } finally {
        customers.forEach(id -> cancel(flows, id));
      }
    }
  }

  private static void assertStanding(
      QueuedFlowsSupport flows, String customer, int position, int waiting) {
    JsonObject standing = flows.request(customer, "check-queue-position");
    assertEquals(String.valueOf(position), standing.getString("_position"), standing::toString);
    assertEquals(String.valueOf(waiting), standing.getString("_total_waiting"), standing::toString);
  }

  private static void cancel(QueuedFlowsSupport flows, String id) {
    Reply cancelled = flows.gms.delete("/genesys/1/service/" + id);
    assertEquals(200, cancelled.status(), cancelled::toString);
  }

  /**
   * Entries of queue_entry's index of waiting customers read, from PostgreSQL's statistics:
   * counting the customers ahead of one reads it. The routing sweep's whole-table reads every
   * second are left out, so that they do not blur the count.
   */
  private static long waitingIndexEntriesRead(Connection db) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet counts =
            statement.executeQuery(
                "SELECT idx_tup_read FROM pg_stat_user_indexes"
                    + " WHERE indexrelname = 'queue_entry_waiting'")) {
      counts.next();
      return counts.getLong(1);
    }
  }
}
