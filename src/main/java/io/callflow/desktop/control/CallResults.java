package io.callflow.desktop.control;

import io.callflow.desktop.entity.CallResult;
import io.callflow.desktop.entity.CallResultReported;
import io.callflow.desktop.entity.ReportedCallResult;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Records call results from desktops once each and announces them to the flows. */
@Stateless
public class CallResults {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<CallResultReported> reported;

  public void record(CallResult result) {
    if (alreadyRecorded(result)) {
      return;
    }
    Instant now = clock.instant();
    em.persist(new ReportedCallResult(result, now));
    reported.fire(
        new CallResultReported(
            result.serviceId(), result.agentId(), result.result(), result.attempt(), now));
  }

  public List<ReportedCallResult> ofService(String serviceId) {
    return em.createQuery(
            "SELECT r FROM ReportedCallResult r WHERE r.serviceId = :serviceId ORDER BY r.reportedAt",
            ReportedCallResult.class)
        .setParameter("serviceId", serviceId)
        .getResultList();
  }

  private boolean alreadyRecorded(CallResult result) {
    return !em.createQuery(
            "SELECT r.id FROM ReportedCallResult r"
                + " WHERE r.serviceId = :serviceId AND r.agentId = :agentId AND r.result = :result"
                + " AND r.attempt = :attempt",
            String.class)
        .setParameter("serviceId", result.serviceId())
        .setParameter("agentId", result.agentId())
        .setParameter("result", result.result())
        .setParameter("attempt", result.attempt())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
