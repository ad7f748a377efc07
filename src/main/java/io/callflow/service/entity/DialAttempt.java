package io.callflow.service.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** One call placed for an outbound instance, and how it ended. */
@Entity
@Table(name = "dial_attempt")
public class DialAttempt {

  /**
   * Who is called first: the agent's phone dials the customer, or the dialer calls the customer.
   */
  public enum Party {
    AGENT,
    CUSTOMER
  }

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "service_id")
    private String serviceId;

    private int attempt;

    protected Key() {}

    public Key(String serviceId, int attempt) {
      this.serviceId = serviceId;
      this.attempt = attempt;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.serviceId.equals(serviceId) && key.attempt == attempt;
    }

    @Override
    public int hashCode() {
      return serviceId.hashCode() * 31 + attempt;
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "party")
  private String party;

  @Column(name = "agent_id")
  private String agentId;

  @Column(name = "dialled_at")
  private Instant dialledAt;

  private String result;

  @Column(name = "result_at")
  private Instant resultAt;

  protected DialAttempt() {}

  public DialAttempt(
      String serviceId, int attempt, Party party, String agentId, Instant dialledAt) {
    this.key = new Key(serviceId, attempt);
    this.party = party.name();
    this.agentId = agentId;
    this.dialledAt = dialledAt;
  }

  /**
   * Records the outcome; the first final outcome stays (CONNECTED may be followed by COMPLETED).
   */
  public void ended(String outcome, Instant at) {
    if (result == null || "CONNECTED".equals(result)) {
      result = outcome;
      resultAt = at;
    }
  }

  public int attempt() {
    return key.attempt;
  }

  public Party party() {
    return Party.valueOf(party);
  }

  public Instant dialledAt() {
    return dialledAt;
  }

  public Optional<String> result() {
    return Optional.ofNullable(result);
  }

  public Optional<Instant> resultAt() {
    return Optional.ofNullable(resultAt);
  }
}
