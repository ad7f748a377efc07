package io.callflow.service.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a configured service for one customer: what GMS calls a service with an {@code _id}.
 */
@Entity
@Table(name = "service_instance")
public class ServiceInstance {

  @Id private String id;

  @Column(name = "service_name")
  private String serviceName;

  private String flow;

  @Enumerated(EnumType.STRING)
  private InstanceState state;

  @Column(name = "gms_user")
  private String gmsUser;

  @Column(name = "phone_number")
  private String phoneNumber;

  @Column(name = "data_id")
  private String dataId;

  private String options;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  /** The agent held for this customer (queued flows), kept once their call reached that agent. */
  @Column(name = "agent_id")
  private String agentId;

  @Column(name = "confirm_due_at")
  private Instant confirmDueAt;

  @Column(name = "confirm_attempts")
  private int confirmAttempts;

  /** The customer called in while queued: their call waits here for the agent. */
  @Column(name = "inbound_call")
  private boolean inboundCall;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "scheduled_for")
  private Instant scheduledFor;

  @Column(name = "desired_time")
  private Instant desiredTime;

  private String requester;

  @Version private long version;

  protected ServiceInstance() {}

  public ServiceInstance(
      String id,
      ServiceDefinition service,
      InstanceState initial,
      String gmsUser,
      String phoneNumber,
      String dataId,
      String optionsJson,
      Instant now) {
    this.id = id;
    this.serviceName = service.name();
    this.flow = service.flow().gmsName();
    this.state = initial;
    this.gmsUser = gmsUser;
    this.phoneNumber = phoneNumber;
    this.dataId = dataId;
    this.options = optionsJson;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Moves to {@code next}; returns the previous state, or empty when the instance already ended (a
   * late event never revives an ended instance) or is already there.
   */
  public Optional<InstanceState> moveTo(InstanceState next, Instant now) {
    if (state.isFinal() || state == next) {
      return Optional.empty();
    }
    InstanceState previous = state;
    state = next;
    updatedAt = now;
    if (next != InstanceState.WAITING_CONFIRM) {
      confirmDueAt = null; // the confirmation timer lives only while a confirmation is awaited
    }
    if (next != InstanceState.SCHEDULED) {
      scheduledFor = null; // likewise the schedule, while scheduled
    }
    return Optional.of(previous);
  }

  /** An agent is held for this customer. */
  public void reservedFor(String agent) {
    this.agentId = agent;
  }

  /** The held agent was released and the customer waits again. */
  public void reservationLost() {
    this.agentId = null;
    this.confirmDueAt = null;
    this.confirmAttempts = 0;
  }

  /** The customer was asked (again) to confirm, and is asked again at {@code due} if silent. */
  public void askedToConfirm(Instant due) {
    this.confirmAttempts++;
    this.confirmDueAt = due;
  }

  /** No confirmation is awaited any more. */
  public void confirmationSettled() {
    this.confirmDueAt = null;
  }

  /** The customer's own call arrived (main line) while they were queued. */
  public void inboundCallArrived() {
    this.inboundCall = true;
  }

  public boolean hasInboundCall() {
    return inboundCall;
  }

  /** Not to be called before {@code due} (state SCHEDULED until then). */
  public void scheduleFor(Instant due) {
    this.scheduledFor = due;
  }

  /** The time the customer asked to be called at (Callback API), kept for records and capacity. */
  public void desiredAt(Instant at) {
    this.desiredTime = at;
  }

  public Optional<Instant> desiredTime() {
    return Optional.ofNullable(desiredTime);
  }

  /** Who asked (gms_user or the service's configured request parameter), for throttling. */
  public void requestedBy(String requesterKey) {
    this.requester = requesterKey;
  }

  public Optional<Instant> scheduledFor() {
    return Optional.ofNullable(scheduledFor);
  }

  public void failedBecause(String reason) {
    this.failureReason = reason;
  }

  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  public Optional<String> agentId() {
    return Optional.ofNullable(agentId);
  }

  public int confirmAttempts() {
    return confirmAttempts;
  }

  public Optional<Instant> confirmDueAt() {
    return Optional.ofNullable(confirmDueAt);
  }

  public String optionsJson() {
    return options;
  }

  public String gmsUser() {
    return gmsUser;
  }

  /** Whether a request carrying {@code requestUser} (its gms_user header) may see this instance. */
  public boolean isVisibleTo(String requestUser) {
    return gmsUser == null || Objects.equals(gmsUser, requestUser);
  }

  public String id() {
    return id;
  }

  public String serviceName() {
    return serviceName;
  }

  public Flow flow() {
    return Flow.byGmsName(flow).orElseThrow();
  }

  public InstanceState state() {
    return state;
  }

  public Optional<String> phoneNumber() {
    return Optional.ofNullable(phoneNumber);
  }

  public String dataId() {
    return dataId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
