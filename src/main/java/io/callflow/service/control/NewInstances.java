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
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Writes a new instance with its transaction's other rows as the transaction commits ({@link
 * CommitWrites}), saving the persistence context a round trip of its own. The persistence context
 * knows the instance as an existing one from the start, so the transaction's own reads by id find
 * it, and a change made to it is written as an update after the insert. Queries of the database do
 * not find it before the commit; and the persistence context must not write a change to it before
 * then (it writes before a query when it holds changes): the update would find no row and roll the
 * transaction back.
 */
@ApplicationScoped
public class NewInstances {

  private static final String INSERT =
      "INSERT INTO service_instance (" + String.join(", ", ServiceInstance.COLUMNS) + ") VALUES";
  private static final String ROW =
      "(" + String.join(", ", Collections.nCopies(ServiceInstance.COLUMNS.size(), "?")) + ")";

  @PersistenceContext EntityManager em;
  @Inject CommitWrites commitWrites;

  /** Inserts {@code instance}, as it stands now, when its transaction commits. */
  public void insertAtCommit(ServiceInstance instance) {
    commitWrites.add(
        Inserts.class, Inserts::new, inserts -> inserts.rows.add(instance.columnValues()));
    PersistenceContexts.adopt(em, instance);
  }

  /** The new instances of one transaction, as they stood when they were added. */
  private static final class Inserts implements CommitWrites.Rows {
    final List<Object[]> rows = new ArrayList<>(2);

    @Override
    public Optional<Sql.Statement> drain() {
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      Sql.Statement insert = Sql.Statement.rows(INSERT, ROW, rows); // reads the rows at once
      rows.clear();
      return Optional.of(insert);
    }
  }
}
