package io.callflow.routing.control;

import io.callflow.routing.entity.VirtualQueue;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Lists, reads and configures virtual queues. */
@Stateless
public class QueueAdministration {

  @PersistenceContext EntityManager em;
  @Inject HandleTimes handleTimes;

  public List<VirtualQueue> queues() {
    return em.createQuery("SELECT q FROM VirtualQueue q ORDER BY q.name", VirtualQueue.class)
        .getResultList();
  }

  public Optional<VirtualQueue> queue(String name) {
    return Optional.ofNullable(em.find(VirtualQueue.class, name));
  }

  /** Creates the queue or replaces its options; concurrent creates of one name both succeed. */
  public VirtualQueue configure(String name, String optionsJson) {
    em.createNativeQuery(
            "INSERT INTO virtual_queue (name, options) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
        .setParameter(1, name)
        .setParameter(2, optionsJson)
        .executeUpdate();
    VirtualQueue queue = em.find(VirtualQueue.class, name, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(queue);
    queue.reconfigure(optionsJson);
    handleTimes.forget(name); // its default handle time may have changed
    return queue;
  }
}
