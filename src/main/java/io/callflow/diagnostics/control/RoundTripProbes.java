package io.callflow.diagnostics.control;

import io.callflow.diagnostics.entity.RoundTripProbe;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Proves that a database row and a JMS message commit or roll back together, and that the consumer
 * side (a message-driven bean on the Artemis resource adapter) works: operators use it to check a
 * deployment, tests to check the wiring.
 */
@Stateless
public class RoundTripProbes {

  public static final String PROBE_MESSAGE = "RoundTripProbe";
  public static final String COMPLETED_EVENT = "RoundTripProbeCompleted";

  @PersistenceContext EntityManager em;
  @Inject MessageSender sender;
  @Inject Clock clock;

  /**
   * Writes a probe and enqueues its message in one transaction; with {@code rollbackAfterSend} the
   * transaction is rolled back after the send, which must leave neither.
   */
  public RoundTripProbe send(boolean rollbackAfterSend) {
    RoundTripProbe probe = new RoundTripProbe(UUID.randomUUID().toString(), clock.instant());
    em.persist(probe);
    em.flush();
    sender.enqueue(Destinations.DIAGNOSTICS, PROBE_MESSAGE, message(probe.id()));
    if (rollbackAfterSend) {
      throw new ProbeRolledBack(probe.id());
    }
    return probe;
  }

  /** The consumer's half: marks the probe completed and announces it on the events topic. */
  public void complete(String probeId) {
    RoundTripProbe probe = em.find(RoundTripProbe.class, probeId);
    if (probe == null) {
      // the outbox sends only what committed, so the row is there; thrown, the message comes back
      // shortly (and is dead-lettered if the row never appears, which would mean the outbox is
      // broken)
      throw new IllegalStateException(
          "Round-trip probe " + probeId + " is not visible in the database (yet)");
    }
    if (probe.complete(clock.instant())) {
      sender.publish(Destinations.EVENTS, COMPLETED_EVENT, message(probeId));
    }
  }

  public Optional<RoundTripProbe> find(String probeId) {
    return Optional.ofNullable(em.find(RoundTripProbe.class, probeId));
  }

  private static String message(String probeId) {
    return Jsonp.createObjectBuilder().add("probeId", probeId).build().toString();
  }
}
