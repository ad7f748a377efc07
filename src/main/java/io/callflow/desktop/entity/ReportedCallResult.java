package io.callflow.desktop.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A CallResult as received; written once, never changed. */
@Entity
@Table(name = "call_result")
public class ReportedCallResult {

  @Id private String id;

  @Column(name = "service_id", nullable = false)
  private String serviceId;

  @Column(name = "agent_id", nullable = false)
  private String agentId;

  @Enumerated(EnumType.STRING)
  @Column(name = "result", nullable = false)
  private CallOutcome result;

  @Column(name = "attempt", nullable = false)
  private int attempt;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  protected ReportedCallResult() {}

  public ReportedCallResult(CallResult message, Instant reportedAt) {
    this.id = UUID.randomUUID().toString();
    this.serviceId = message.serviceId();
    this.agentId = message.agentId();
    this.result = message.result();
    this.attempt = message.attempt();
    this.reportedAt = reportedAt;
  }

  public String serviceId() {
    return serviceId;
  }

  public String agentId() {
    return agentId;
  }

  public CallOutcome result() {
    return result;
  }

  public int attempt() {
    return attempt;
  }

  public Instant reportedAt() {
    return reportedAt;
  }
}
