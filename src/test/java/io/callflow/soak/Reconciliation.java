package io.callflow.soak;

import io.callflow.launcher.CallflowStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The books at the end of the run, read straight from PostgreSQL: every instance ended (or still
 * legitimately live, and why), every booking released or live and not overdue, no locked number
 * booked twice at once, no agent held, no queue entry orphaned, no prepared transaction left — and
 * every instance where its app's journey said it would be.
 */
final class Reconciliation {

  /**
   * The sweeps run every second; a booking this far past its expiry has been missed, not delayed.
   */
  static final Duration SWEEP_GRACE = Duration.ofSeconds(5);

  private static final String FINAL = "('COMPLETED','CANCELLED','EXPIRED','FAILED')";

  /** A live instance that is fine: it holds a number its customer may still call. */
  private static final String LEGITIMATELY_LIVE =
      "i.state = 'ACCESS_ISSUED' AND EXISTS (SELECT 1 FROM booking b WHERE b.service_id = i.id AND b.active"
          + " AND b.expires_at > now())";

  private final CallflowStack stack;

  Reconciliation(CallflowStack stack) {
    this.stack = stack;
  }

  /**
   * Waits until every instance has ended, up to {@code timeout}: calls end, and numbers nobody
   * called expire with no traffic at all, which is part of what is checked. Answers how long it
   * took.
   */
  Duration awaitSettled(Duration timeout) throws SQLException, InterruptedException {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    try (Connection db = connect()) {
      while (System.nanoTime() < deadline
          && !rows(db, "SELECT id FROM service_instance WHERE state NOT IN " + FINAL + " LIMIT 1")
              .isEmpty()) {
        Thread.sleep(1000);
      }
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  List<Check> checks(Ledger ledger, List<String> agentIds) throws SQLException {
    try (Connection db = connect()) {
      List<Check> checks = new ArrayList<>();
      checks.add(everyCreatedInstanceIsStored(db, ledger));
      checks.add(
          Check.of(
              "every instance is in a final state or legitimately live",
              rows(db, unsettledQuery())));
      checks.add(
          Check.holds(
              "still live, legitimately: an issued number the customer may still call (booking not yet expired)",
              rows(
                  db,
                  "SELECT i.id || ' ' || i.service_name || ' ' || i.state || ', booking until ' || b.expires_at"
                      + " FROM service_instance i JOIN booking b ON b.service_id = i.id AND b.active WHERE "
                      + LEGITIMATELY_LIVE)));
      checks.add(everyInstanceEndedAsItsJourneySaid(db, ledger));
      checks.add(
          Check.of(
              "no two bookings of a locked number overlap in time",
              rows(
                  db,
                  "SELECT number || ': booking ' || id || ' from ' || booked_at || ' overlaps one ending ' || previous_end FROM ("
                      + " SELECT number, id, booked_at, max(least(coalesce(ended_at, 'infinity'), expires_at)) OVER ("
                      + "   PARTITION BY number ORDER BY booked_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_end"
                      + " FROM booking WHERE locking) b WHERE booked_at < previous_end")));
      checks.add(
          Check.of(
              "every booking is released, or live and not overdue ("
                  + SWEEP_GRACE.toSeconds()
                  + " s sweep grace)",
              rows(
                  db,
                  "SELECT id || ' on ' || number || ' for ' || service_id || ' expired ' || expires_at || ', still active'"
                      + " FROM booking WHERE active AND expires_at < now() - interval '"
                      + SWEEP_GRACE.toSeconds()
                      + " seconds'")));
      checks.add(
          Check.of(
              "every live booking belongs to a live instance",
              rows(
                  db,
                  "SELECT b.id || ' on ' || b.number || ' for ' || b.service_id || ' (' || coalesce(i.state, 'no instance') || ')'"
                      + " FROM booking b LEFT JOIN service_instance i ON i.id = b.service_id"
                      + " WHERE b.active AND (i.id IS NULL OR i.state IN "
                      + FINAL
                      + ")")));
      checks.add(
          Check.of(
              "no agent is left reserved or holding a customer",
              rows(
                  db,
                  "SELECT 'queue entry ' || service_id || ' holds ' || agent_id || coalesce(', reserved until ' || reserved_until, '')"
                      + coalesceEngaged()
                      + " FROM queue_entry WHERE agent_id IS NOT NULL"
                      + " UNION ALL SELECT 'instance ' || id || ' (' || state || ') holds ' || agent_id FROM service_instance i"
                      + " WHERE agent_id IS NOT NULL AND state NOT IN "
                      + FINAL)));
      checks.add(
          Check.of(
              "no queue entry is orphaned (its instance ended or gone)",
              rows(
                  db,
                  "SELECT q.service_id || ' in ' || q.queue_name || ' (' || coalesce(i.state, 'no instance') || ')'"
                      + " FROM queue_entry q LEFT JOIN service_instance i ON i.id = q.service_id"
                      + " WHERE i.id IS NULL OR i.state IN "
                      + FINAL)));
      checks.add(
          Check.of(
              "every agent is logged in, READY and free at the end",
              rows(
                  db,
                  "SELECT agent_id || ' ' || state || (CASE WHEN logged_in THEN '' ELSE ' logged out' END) FROM agent"
                      + " WHERE agent_id IN ("
                      + quoted(agentIds)
                      + ") AND (state <> 'READY' OR NOT logged_in)")));
      checks.add(
          Check.of(
              "no prepared (XA) transaction is left behind",
              rows(db, "SELECT gid || ' prepared ' || prepared FROM pg_prepared_xacts")));
      return checks;
    }
  }

  /**
   * Figures worth reporting beside the checks: instances by service and state, bookings, calls,
   * waits.
   */
  Map<String, List<String>> figures() throws SQLException {
    try (Connection db = connect()) {
      Map<String, List<String>> figures = new LinkedHashMap<>();
      figures.put(
          "instances by service and state",
          rows(
              db,
              "SELECT rpad(service_name, 28) || rpad(state, 16) || lpad(count(*)::text, 8) FROM service_instance"
                  + " GROUP BY service_name, state ORDER BY service_name, state"));
      figures.put(
          "bookings by end",
          rows(
              db,
              "SELECT rpad(ending, 12) || lpad(n::text, 8) FROM (SELECT CASE WHEN active THEN 'live' ELSE end_reason END"
                  + " AS ending, count(*) AS n FROM booking GROUP BY 1) b ORDER BY ending"));
      figures.put(
          "call results reported",
          rows(
              db,
              "SELECT rpad(result, 12) || lpad(count(*)::text, 8) FROM call_result GROUP BY result ORDER BY result"));
      figures.put(
          "queue waits (predicted EWT vs actual wait until an agent was held)",
          rows(
              db,
              "SELECT 'customers ' || count(*) || ', mean actual ' || round(avg(actual_seconds), 1) || ' s, mean predicted '"
                  + " || round(avg(predicted_seconds), 1) || ' s, mean absolute error ' || round(avg(abs(predicted_seconds - actual_seconds)), 1)"
                  + " || ' s' FROM queue_wait WHERE actual_seconds IS NOT NULL"));
      return figures;
    }
  }

  private Check everyCreatedInstanceIsStored(Connection db, Ledger ledger) throws SQLException {
    Set<String> stored = Set.copyOf(rows(db, "SELECT id FROM service_instance"));
    List<String> missing =
        ledger.instances().keySet().stream()
            .filter(id -> !stored.contains(id))
            .sorted()
            .collect(Collectors.toList());
    return Check.of(
        "every instance the apps were answered 200 for is stored ("
            + ledger.instances().size()
            + ")",
        missing);
  }

  private Check everyInstanceEndedAsItsJourneySaid(Connection db, Ledger ledger)
      throws SQLException {
    Map<String, String> states = new java.util.HashMap<>();
    Set<String> live =
        Set.copyOf(rows(db, "SELECT i.id FROM service_instance i WHERE " + LEGITIMATELY_LIVE));
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id, state FROM service_instance")) {
      while (rs.next()) {
        states.put(rs.getString(1), rs.getString(2));
      }
    }
    List<String> wrong = new ArrayList<>();
    ledger
        .instances()
        .forEach(
            (id, entry) -> {
              String state = states.get(id);
              boolean stillExpiring = "EXPIRED".equals(entry.expectedEnd()) && live.contains(id);
              if (entry.expectedEnd() != null
                  && state != null
                  && !state.equals(entry.expectedEnd())
                  && !stillExpiring) {
                wrong.add(
                    id
                        + " "
                        + entry.service()
                        + ": the app expected "
                        + entry.expectedEnd()
                        + ", it is "
                        + state);
              }
            });
    return Check.of(
        "every instance ended as its app's journey said (matched, served, cancelled, left to expire)",
        wrong);
  }

  private static String unsettledQuery() {
    return "SELECT i.id || ' ' || i.service_name || ' ' || i.state || ' since ' || i.updated_at"
        + " FROM service_instance i WHERE i.state NOT IN "
        + FINAL
        + " AND NOT ("
        + LEGITIMATELY_LIVE
        + ")";
  }

  private static String coalesceEngaged() {
    return " || coalesce(', on the call since ' || engaged_at, '')";
  }

  private static String quoted(List<String> values) {
    return values.isEmpty()
        ? "''"
        : values.stream()
            .map(v -> "'" + v.replace("'", "''") + "'")
            .collect(Collectors.joining(","));
  }

  private static List<String> rows(Connection db, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private Connection connect() throws SQLException {
    return stack.connectToDatabase();
  }
}
