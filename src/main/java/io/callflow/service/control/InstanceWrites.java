package io.callflow.service.control;

import io.callflow.platform.persistence.CommitWrites;
import io.callflow.platform.persistence.PersistenceContexts;
import io.callflow.platform.persistence.Sql;
import io.callflow.service.entity.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an instance with its transaction's other rows as the transaction commits ({@link
 * CommitWrites}), saving the persistence context a round trip of its own: a new one as an insert,
 * one read by plain JDBC as an update checked against its version.
 *
 * <p>The persistence context knows a new instance as an existing one from the start, so the
 * transaction's own reads by id find it, and a change made to it is written as an update after the
 * insert. Queries of the database do not find it before the commit; and the persistence context
 * must not write a change to it before then (it writes before a query when it holds changes): the
 * update would find no row and roll the transaction back.
 */
@ApplicationScoped
public class InstanceWrites {

  private static final String INSERT =
      "INSERT INTO service_instance (" + String.join(", ", ServiceInstance.COLUMNS) + ") VALUES";
  private static final String ROW =
      "(" + String.join(", ", Collections.nCopies(ServiceInstance.COLUMNS.size(), "?")) + ")";
  // COLUMNS begins with the id and ends with the version; an update that finds the row at another
  // version fails in SQL, so that the commit sent with it does not run (CommitWrites)
  private static final String UPDATE =
      "WITH changed AS (UPDATE service_instance SET "
          + ServiceInstance.COLUMNS.subList(1, ServiceInstance.COLUMNS.size()).stream()
              .map(column -> column + " = ?")
              .collect(Collectors.joining(", "))
          + " WHERE id = ? AND version = ? RETURNING 1)"
          + " SELECT callflow_one_row_changed(count(*), 'Service instance ' || ?) FROM changed";

  @PersistenceContext EntityManager em;
  @Inject CommitWrites commitWrites;

  /** Inserts {@code instance}, as it stands now, when its transaction commits. */
  public void insertAtCommit(ServiceInstance instance) {
    commitWrites.add(
        Inserts.class, Inserts::new, inserts -> inserts.rows.add(instance.columnValues()));
    PersistenceContexts.adopt(em, instance);
  }

  /**
   * The persistence context's copy of {@code instance}, read by plain JDBC in the caller's
   * transaction: the transaction's reads by id find it there, and the changes made to it are
   * written as its transaction commits, checked against the version it was read with (a lost update
   * fails with SQLSTATE 40001, an optimistic lock failure), the persistence context's own write of
   * it left out. A transaction that changes nothing writes nothing.
   */
  public ServiceInstance updateAtCommit(ServiceInstance instance) {
    ServiceInstance managed = PersistenceContexts.adopt(em, instance);
    commitWrites.add(
        Updates.class,
        () -> new Updates(em),
        updates -> updates.read.add(new Read(managed, managed.columnValues())));
    return managed;
  }

  /** The new instances of one transaction, as they stood when they were added. */
  private static final class Inserts implements CommitWrites.Rows {
    final List<Object[]> rows = new ArrayList<>(2);

    @Override
    public List<Sql.Statement> drain() {
      if (rows.isEmpty()) {
        return List.of();
      }
      Sql.Statement insert = Sql.Statement.rows(INSERT, ROW, rows); // reads the rows at once
      rows.clear();
      return List.of(insert);
    }
  }

  private record Read(ServiceInstance managed, Object[] values) {}

  /** The instances a transaction read to change, each with its row as read. */
  private static final class Updates implements CommitWrites.Rows {
    final EntityManager em;
    final List<Read> read = new ArrayList<>(1);

    Updates(EntityManager em) {
      this.em = em;
    }

    @Override
    public List<Sql.Statement> drain() {
      List<Sql.Statement> updates = new ArrayList<>(read.size());
      for (Read each : read) {
        Object[] now = each.managed().columnValues();
        if (Arrays.equals(now, each.values())) {
          continue; // unchanged: nothing to write, and the persistence context writes nothing
        }
        updates.add(update(now));
        // what the persistence context would write is written here
        em.detach(each.managed());
      }
      read.clear();
      return updates;
    }
  }

  /**
   * The update writing {@code row} ({@link ServiceInstance#columnValues}) over the row of the same
   * version: every column but the id set, the version one up; failing unless it changed that row.
   */
  static Sql.Statement update(Object[] row) {
    int last = row.length - 1;
    Object[] parameters = new Object[row.length + 2];
    System.arraycopy(row, 1, parameters, 0, last);
    long version = (Long) row[last];
    parameters[last - 1] = version + 1;
    parameters[last] = row[0];
    parameters[last + 1] = version;
    parameters[last + 2] = row[0];
    return new Sql.Statement(UPDATE, parameters);
  }
}
