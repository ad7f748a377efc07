package io.callflow.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC statements in the caller's transaction, for the hot path's few statements that read
 * and write rows no entity of the persistence context stands for at that moment (a number taken, a
 * booking inserted or ended, outbox rows). The connection is the persistence unit's own for the
 * transaction, so these statements see its flushed writes and it sees theirs, under the same row
 * locks, and a request still holds one pooled connection. A statement costs a fraction of a native
 * query's way through the persistence unit (parsing its parameters, building a database call, a
 * change set).
 *
 * <p>A failure is a {@link PersistenceException} with the {@link SQLException} as its cause: it
 * rolls the transaction back, and a lost database still answers 503 (the cause says so). A write
 * that lost to a concurrent one is an {@link OptimisticLockException}, as the persistence unit's
 * own would be.
 */
@ApplicationScoped
public class Sql {

  /** Reads one row into a value. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** A statement and its parameters, to run later. */
  public record Statement(String sql, Object... parameters) {

    /**
     * One INSERT of several rows: {@code insert} up to and including {@code VALUES}, then {@code
     * row} (its placeholders in parentheses) once per row of {@code rows}.
     */
    public static Statement rows(String insert, String row, List<Object[]> rows) {
      StringBuilder text = new StringBuilder(insert);
      List<Object> parameters = new ArrayList<>();
      for (Object[] values : rows) {
        text.append(text.length() == insert.length() ? " " : ", ").append(row);
        parameters.addAll(Arrays.asList(values));
      }
      return new Statement(text.toString(), parameters.toArray());
    }

    /**
     * Several statements as one text, run in their order in one round trip: the driver sends a text
     * of several statements as one batch of them. One statement stays as it is.
     */
    public static Statement joined(List<Statement> statements) {
      StringBuilder text = new StringBuilder();
      List<Object> parameters = new ArrayList<>();
      for (Statement statement : statements) {
        text.append(text.length() == 0 ? "" : ";\n").append(statement.sql());
        parameters.addAll(Arrays.asList(statement.parameters()));
      }
      return new Statement(text.toString(), parameters.toArray());
    }
  }

  /**
   * The SQLSTATE of a write that lost to a concurrent one (serialization_failure), raised by a
   * statement that checks its own outcome ({@code callflow_one_row_changed}).
   */
  private static final String LOST_UPDATE = "40001";

  /** The key of the transaction's connection among its resources. */
  private static final Object CONNECTION = new Object();

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;

  /** Runs an INSERT, UPDATE or DELETE; answers the rows it changed. */
  public int update(String sql, Object... parameters) {
    try (PreparedStatement statement = prepared(connection(), sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /**
   * Runs statements in their order, all in one round trip; the first that fails stops the rest and
   * throws.
   */
  public void updateAll(List<Statement> statements) {
    if (statements.isEmpty()) {
      return;
    }
    Statement all = Statement.joined(statements);
    try (PreparedStatement statement = prepared(connection(), all.sql(), all.parameters())) {
      statement.execute();
    } catch (SQLException e) {
      throw failed(all.sql(), e);
    }
  }

  /** Runs a query (or a statement with RETURNING); answers its rows, read by {@code row}. */
  public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    try (PreparedStatement statement = prepared(connection(), sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> read = new ArrayList<>();
      while (rows.next()) {
        read.add(row.read(rows));
      }
      return read;
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** The first row of {@link #list}, if any. */
  public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
    return list(sql, row, parameters).stream().findFirst();
  }

  /** A {@code timestamptz} column's value, null as null. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  /**
   * The connection the persistence unit uses in the caller's transaction, asked of it once per
   * transaction (the asking cost a request more than its statements' own work in the driver) and
   * not closed here: it is the persistence unit's, held until the transaction ends. Taken from the
   * data source instead, a closed handle was not handed back to the next caller in the transaction:
   * a request held a second pooled connection.
   */
  private Connection connection() {
    boolean inTransaction = transactions.getTransactionKey() != null;
    if (inTransaction && transactions.getResource(CONNECTION) instanceof Connection known) {
      return known;
    }
    Connection connection = em.unwrap(Connection.class);
    if (connection == null) {
      throw new IllegalStateException("Plain JDBC statements run in a transaction only");
    }
    if (inTransaction) {
      transactions.putResource(CONNECTION, connection);
    }
    return connection;
  }

  private static PreparedStatement prepared(Connection connection, String sql, Object[] parameters)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameter(parameters[i]));
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /** Instants travel as offset date-times, which the driver sends as {@code timestamptz}. */
  private static Object parameter(Object value) {
    return value instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : value;
  }

  private static PersistenceException failed(String sql, SQLException e) {
    if (LOST_UPDATE.equals(e.getSQLState())) {
      return new OptimisticLockException(e.getMessage(), e);
    }
    return new PersistenceException("Statement failed: " + sql, e);
  }
}
