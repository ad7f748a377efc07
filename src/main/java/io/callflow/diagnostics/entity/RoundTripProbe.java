package io.callflow.diagnostics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * One probe of the database + JMS wiring: written with a message in one transaction, completed by
 * the consumer of that message.
 */
@Entity
@Table(name = "round_trip_probe")
public class RoundTripProbe {

  /** Where a probe stands. */
  public enum State {
    SENT,
    COMPLETED
  }

  @Id private String id;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Version private long version;

  protected RoundTripProbe() {}

  public RoundTripProbe(String id, Instant sentAt) {
    this.id = id;
    this.sentAt = sentAt;
  }

  /** Records the consumer's receipt; a redelivered message changes nothing. */
  public boolean complete(Instant at) {
    if (completedAt != null) {
      return false;
    }
    completedAt = at;
    return true;
  }

  public String id() {
    return id;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Optional<Instant> completedAt() {
    return Optional.ofNullable(completedAt);
  }

  public State state() {
    return completedAt == null ? State.SENT : State.COMPLETED;
  }
}
