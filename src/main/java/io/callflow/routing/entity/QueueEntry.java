package io.callflow.routing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer's place in a virtual queue, from queueing until their call ends: waiting, then with a
 * reserved agent, then engaged with that agent once the call is matched. The place in line ({@code
 * queuedSince}) survives a lapsed reservation.
 */
@Entity
@Table(name = "queue_entry")
public class QueueEntry {

  @Id
  @Column(name = "service_id")
  private String serviceId;

  @Column(name = "queue_name")
  private String queueName;

  @Column(name = "queued_since")
  private Instant queuedSince;

  @Column(name = "eligible_at")
  private Instant eligibleAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "reserve_timeout_seconds")
  private int reserveTimeoutSeconds;

  @Column(name = "agent_id")
  private String agentId;

  @Column(name = "reserved_until")
  private Instant reservedUntil;

  @Column(name = "engaged_at")
  private Instant engagedAt;

  @Version private long version;

  protected QueueEntry() {}

  /** A customer who joins the line at {@code from} (now, or later for a scheduled callback). */
  public QueueEntry(
      String serviceId,
      String queueName,
      Instant from,
      Duration reserveTimeout,
      Duration queuedTtl) {
    this.serviceId = serviceId;
    this.queueName = queueName;
    this.queuedSince = from;
    this.eligibleAt = from;
    this.expiresAt = from.plus(queuedTtl);
    this.reserveTimeoutSeconds = Math.toIntExact(reserveTimeout.toSeconds());
  }

  /** Holds {@code agent} for this customer for the reservation timeout. */
  public void reserve(String agent, Instant now) {
    this.agentId = agent;
    this.reservedUntil = now.plus(reserveTimeout());
  }

  /** Keeps the reservation until {@code until} (the customer is being asked, or has the number). */
  public void holdUntil(Instant until) {
    if (isReserved()) {
      reservedUntil = until;
    }
  }

  /**
   * Keeps the reservation with no deadline of its own: the flow's own timer (a confirmation being
   * awaited) decides when it ends, so the two timers never race after an outage.
   */
  public void holdWithoutDeadline() {
    if (isReserved()) {
      reservedUntil = null;
    }
  }

  /** Back to waiting at the same place in line, not dispatched before {@code notBefore}. */
  public void requeue(Instant notBefore) {
    agentId = null;
    reservedUntil = null;
    engagedAt = null;
    eligibleAt = notBefore;
  }

  /** A waiting customer's callback moved to {@code at}: they join the line then, not before. */
  public void rescheduleTo(Instant at) {
    queuedSince = at;
    eligibleAt = at;
  }

  /** The customer's call reached the reserved agent. */
  public void engage(Instant now) {
    engagedAt = now;
    reservedUntil = null;
  }

  public boolean isWaiting() {
    return agentId == null;
  }

  /** An agent is held for the customer, who has not called yet. */
  public boolean isReserved() {
    return agentId != null && engagedAt == null;
  }

  public boolean isEngaged() {
    return engagedAt != null;
  }

  public String serviceId() {
    return serviceId;
  }

  public String queueName() {
    return queueName;
  }

  public Instant queuedSince() {
    return queuedSince;
  }

  public Duration reserveTimeout() {
    return Duration.ofSeconds(reserveTimeoutSeconds);
  }

  public Optional<String> agentId() {
    return Optional.ofNullable(agentId);
  }

  public Optional<Instant> reservedUntil() {
    return Optional.ofNullable(reservedUntil);
  }

  public Optional<Instant> engagedAt() {
    return Optional.ofNullable(engagedAt);
  }
}
