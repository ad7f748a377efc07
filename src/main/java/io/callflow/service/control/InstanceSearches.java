package io.callflow.service.control;

import io.callflow.service.entity.InstanceAnswer.Cancelled;
import io.callflow.service.entity.InstanceNotFound;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.ServiceInstance;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Service instances as operators look for them: the live ones, most recently changed first, or the
 * ones with an id or a customer's phone number in any state; and cancelling one whoever created it,
 * as {@code DELETE /genesys/1/service/{id}} cancels it for its gms_user.
 */
@Stateless
public class InstanceSearches {

  @PersistenceContext EntityManager em;
  @Inject ServiceInstances instances;

  /**
   * With an empty {@code query}, the live instances (a scan of the table, for an operator and never
   * a request of an app); otherwise the instance with that id and those for that phone number.
   */
  public List<ServiceInstance> find(String query, int limit) {
    String wanted = query == null ? "" : query.strip();
    if (wanted.isEmpty()) {
      return em.createQuery(
              "SELECT i FROM ServiceInstance i WHERE i.state NOT IN :ended"
                  + " ORDER BY i.updatedAt DESC",
              ServiceInstance.class)
          .setParameter("ended", InstanceState.ended())
          .setMaxResults(limit)
          .getResultList();
    }
    return em.createQuery(
            "SELECT i FROM ServiceInstance i WHERE i.id = :wanted OR i.phoneNumber = :wanted"
                + " ORDER BY i.updatedAt DESC",
            ServiceInstance.class)
        .setParameter("wanted", wanted)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Cancels the instance on behalf of the gms_user that created it, through {@link
   * ServiceInstances#cancel}: bookings end, the queue entry goes, the change is published. 404 when
   * unknown; an instance that has ended answers the state it ended in.
   */
  public Cancelled cancel(String id) {
    // Only its gms_user is read here, not the instance itself: the cancel locks the queue entry
    // before it reads the instance, as the dispatcher does.
    List<Object[]> owner =
        em.createQuery(
                "SELECT i.id, i.gmsUser FROM ServiceInstance i WHERE i.id = :id", Object[].class)
            .setParameter("id", id)
            .getResultList();
    if (owner.isEmpty()) {
      throw new InstanceNotFound(id);
    }
    return instances.cancel(id, (String) owner.get(0)[1]);
  }
}
