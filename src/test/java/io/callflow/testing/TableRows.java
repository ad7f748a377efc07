package io.callflow.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Rows of a table read straight from the database, for tests of what a sweep leaves behind. */
public final class TableRows {

  private TableRows() {}

  /** Which of {@code ids} are in {@code table} (its key column {@code id}). */
  public static Set<String> present(Connection db, String table, String... ids) {
    return presentBy(db, table, "id", ids);
  }

  /** Which of {@code ids} appear in {@code column} of {@code table}. */
  public static Set<String> presentBy(Connection db, String table, String column, String... ids) {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " = ANY (?)")) {
      select.setArray(1, db.createArrayOf("varchar", ids));
      Set<String> found = new TreeSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the row {@code id} is gone from {@code table}: an AssertionError after {@code
   * timeout}.
   */
  public static void awaitGone(Connection db, String table, String id, Duration timeout) {
    Eventually.await(
        id + " deleted from " + table,
        timeout,
        () -> present(db, table, id).isEmpty() ? Optional.of(id) : Optional.empty());
  }
}
