package io.callflow.service.control;

import io.callflow.service.entity.ServiceInstance;
import io.callflow.service.entity.StateEntered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The states each instance went through, for operators: remembered by the instance as {@link
 * InstanceEvents} tells each change, in the transaction that made it. Kept on the instance's row
 * ({@code history}), which every move updates anyway: the hot path pays no statement for it, and a
 * history lives and goes with its instance.
 */
@ApplicationScoped
public class InstanceHistory {

  @PersistenceContext EntityManager em;

  /** The states {@code instanceId} entered, first to last; empty when unknown. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<StateEntered> of(String instanceId) {
    return Optional.ofNullable(em.find(ServiceInstance.class, instanceId))
        .map(ServiceInstance::history)
        .orElse(List.of());
  }
}
