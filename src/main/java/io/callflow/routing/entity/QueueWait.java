package io.callflow.routing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The wait predicted when a customer was queued, and the wait until their first agent was reserved.
 */
@Entity
@Table(name = "queue_wait")
public class QueueWait {

  @Id
  @Column(name = "service_id")
  private String serviceId;

  @Column(name = "queue_name")
  private String queueName;

  @Column(name = "predicted_seconds")
  private long predictedSeconds;

  @Column(name = "actual_seconds")
  private Long actualSeconds;

  @Column(name = "queued_at")
  private Instant queuedAt;

  @Column(name = "dispatched_at")
  private Instant dispatchedAt;

  protected QueueWait() {}

  public QueueWait(String serviceId, String queueName, long predictedSeconds, Instant queuedAt) {
    this.serviceId = serviceId;
    this.queueName = queueName;
    this.predictedSeconds = predictedSeconds;
    this.queuedAt = queuedAt;
  }

  /** The first dispatch counts; a re-dispatch after a lapsed reservation does not. */
  public void dispatched(Instant at) {
    if (dispatchedAt == null) {
      dispatchedAt = at;
      actualSeconds = Duration.between(queuedAt, at).toSeconds();
    }
  }
}
