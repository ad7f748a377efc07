package io.callflow.service.control;

import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.StateChange;
import io.callflow.service.entity.StateEntered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The states each instance went through ({@code instance_state_change}), written in the transaction
 * that moved it, as its event is, and read by operators. On every move of every flow: one short
 * insert, which needs nothing the persistence context holds and so never flushes it early.
 */
@ApplicationScoped
public class InstanceHistory {

  static final String RECORD =
      "INSERT INTO instance_state_change (instance_id, state, previous_state, changed_at, final)"
          + " VALUES (?1, ?2, ?3, ?4, ?5)";

  @PersistenceContext EntityManager em;

  @Transactional
  public void record(StateChange change) {
    InstanceState state = change.state();
    em.createNativeQuery(RECORD)
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, change.instance().id())
        .setParameter(2, state.name())
        .setParameter(3, change.previous() == null ? null : change.previous().name())
        .setParameter(4, Timestamp.from(change.at()))
        .setParameter(5, state.isFinal())
        .executeUpdate();
  }

  /** The states {@code instanceId} entered, first to last; empty once swept, or when unknown. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StateEntered> of(String instanceId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT state, previous_state, changed_at FROM instance_state_change"
                    + " WHERE instance_id = ?1 ORDER BY seq")
            .setParameter(1, instanceId)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new StateEntered(
                    InstanceState.valueOf((String) row[0]),
                    Optional.ofNullable((String) row[1]).map(InstanceState::valueOf),
                    ((Timestamp) row[2]).toInstant()))
        .toList();
  }
}
