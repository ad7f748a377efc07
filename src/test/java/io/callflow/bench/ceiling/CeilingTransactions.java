package io.callflow.bench.ceiling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The least an access-number allocation can cost on this database: one local transaction that takes
 * a free number ({@code FOR UPDATE SKIP LOCKED}, through a partial index), marks it and inserts a
 * booking; and one that deletes the booking and frees the number. Plain JDBC on the benchmark's own
 * tables ({@code bench_number}, {@code bench_booking}), never the product's. The ceiling WAR runs
 * them behind HTTP, the benchmark JVM runs them directly.
 */
public final class CeilingTransactions {

  /** A booked number and its code, as the product's request-interaction answers them. */
  public record Booking(String number, String code) {}

  private static final String TAKE_FREE =
      "SELECT number FROM bench_number WHERE free LIMIT 1 FOR UPDATE SKIP LOCKED";
  private static final String MARK = "UPDATE bench_number SET free = ? WHERE number = ?";
  private static final String BOOK =
      "INSERT INTO bench_booking (number, code, booked_at) VALUES (?, ?, now())";
  private static final String UNBOOK = "DELETE FROM bench_booking WHERE number = ? AND code = ?";

  private CeilingTransactions() {}

  /** Creates the tables (if missing) with {@code numbers} free numbers; frees every number. */
  public static void reset(Connection connection, int numbers) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute(
          "CREATE TABLE IF NOT EXISTS bench_number (number varchar(16) PRIMARY KEY,"
              + " free boolean NOT NULL)");
      sql.execute(
          "CREATE INDEX IF NOT EXISTS bench_number_free ON bench_number (number) WHERE free");
      sql.execute(
          "CREATE TABLE IF NOT EXISTS bench_booking (number varchar(16) PRIMARY KEY,"
              + " code varchar(10) NOT NULL, booked_at timestamptz NOT NULL)");
      sql.execute("TRUNCATE bench_booking, bench_number");
      sql.execute(
          "INSERT INTO bench_number SELECT '+1999' || lpad(i::text, 7, '0'), true"
              + " FROM generate_series(1, "
              + numbers
              + ") i");
    }
  }

  /** Books a free number, or answers empty when none is free. Leaves auto-commit on. */
  public static Optional<Booking> allocate(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    try {
      Optional<Booking> booked = Optional.empty();
      try (PreparedStatement take = connection.prepareStatement(TAKE_FREE);
          ResultSet free = take.executeQuery()) {
        if (free.next()) {
          String number = free.getString(1);
          String code = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
          mark(connection, number, false);
          try (PreparedStatement book = connection.prepareStatement(BOOK)) {
            book.setString(1, number);
            book.setString(2, code);
            book.executeUpdate();
          }
          booked = Optional.of(new Booking(number, code));
        }
      }
      connection.commit();
      return booked;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Ends a booking and frees its number; false (nothing changed) if there is no such booking. */
  public static boolean release(Connection connection, Booking booking) throws SQLException {
    connection.setAutoCommit(false);
    try {
      boolean found;
      try (PreparedStatement unbook = connection.prepareStatement(UNBOOK)) {
        unbook.setString(1, booking.number());
        unbook.setString(2, booking.code());
        found = unbook.executeUpdate() == 1;
      }
      if (found) {
        mark(connection, booking.number(), true);
        connection.commit();
      } else {
        connection.rollback();
      }
      return found;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void mark(Connection connection, String number, boolean free) throws SQLException {
    try (PreparedStatement mark = connection.prepareStatement(MARK)) {
      mark.setBoolean(1, free);
      mark.setString(2, number);
      mark.executeUpdate();
    }
  }
}
