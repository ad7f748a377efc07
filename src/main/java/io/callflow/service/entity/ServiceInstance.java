package io.callflow.service.entity;

import io.callflow.platform.persistence.Sql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a configured service for one customer: what GMS calls a service with an {@code _id}.
 * It changes state only through its intention methods, which take a move only where its flow's
 * {@link Lifecycle} allows it. Longer than our classes usually are, because it is one row and the
 * rules that guard it: its columns with their accessors, and one intention method per move of every
 * flow; split, the rules would leave the state they guard.
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

  /**
   * The states it entered, one line each ({@code STATE PREVIOUS AT}, {@code -} for no previous),
   * kept on its own row: its every move updates the row anyway, so the history costs no statement.
   */
  private String history;

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
    if (!lifecycle().startsIn(initial)) {
      throw new IllegalArgumentException(
          service.flow().gmsName() + " instances are not created " + initial);
    }
  }

  /** Its table's columns, in the order of {@link #columnValues}. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "service_name",
          "flow",
          "state",
          "gms_user",
          "phone_number",
          "data_id",
          "options",
          "created_at",
          "updated_at",
          "agent_id",
          "confirm_due_at",
          "confirm_attempts",
          "inbound_call",
          "failure_reason",
          "scheduled_for",
          "desired_time",
          "requester",
          "history",
          "version");

  /** Its row as it stands, for a write outside the persistence context ({@link #COLUMNS}). */
  public Object[] columnValues() {
    return new Object[] {
      id,
      serviceName,
      flow,
      state.name(),
      gmsUser,
      phoneNumber,
      dataId,
      options,
      createdAt,
      updatedAt,
      agentId,
      confirmDueAt,
      confirmAttempts,
      inboundCall,
      failureReason,
      scheduledFor,
      desiredTime,
      requester,
      history,
      version
    };
  }

  /**
   * An instance as its row stands, each of {@link #COLUMNS} read under its name after {@code
   * prefix}: for a read that joins another table's row, in one round trip.
   */
  public static ServiceInstance read(ResultSet row, String prefix) throws SQLException {
    ServiceInstance read = new ServiceInstance();
    read.id = row.getString(prefix + "id");
    read.serviceName = row.getString(prefix + "service_name");
    read.flow = row.getString(prefix + "flow");
    read.state = InstanceState.valueOf(row.getString(prefix + "state"));
    read.gmsUser = row.getString(prefix + "gms_user");
    read.phoneNumber = row.getString(prefix + "phone_number");
    read.dataId = row.getString(prefix + "data_id");
    read.options = row.getString(prefix + "options");
    read.createdAt = Sql.instant(row, prefix + "created_at");
    read.updatedAt = Sql.instant(row, prefix + "updated_at");
    read.agentId = row.getString(prefix + "agent_id");
    read.confirmDueAt = Sql.instant(row, prefix + "confirm_due_at");
    read.confirmAttempts = row.getInt(prefix + "confirm_attempts");
    read.inboundCall = row.getBoolean(prefix + "inbound_call");
    read.failureReason = row.getString(prefix + "failure_reason");
    read.scheduledFor = Sql.instant(row, prefix + "scheduled_for");
    read.desiredTime = Sql.instant(row, prefix + "desired_time");
    read.requester = row.getString(prefix + "requester");
    read.history = row.getString(prefix + "history");
    read.version = row.getLong(prefix + "version");
    return read;
  }

  /** Adds the state it entered to its history, as its change is told. */
  public void remember(StateChange change) {
    String line =
        change.state().name()
            + ' '
            + (change.previous() == null ? "-" : change.previous().name())
            + ' '
            + change.at()
            + '\n';
    history = history == null ? line : history + line;
  }

  /** The states it entered, first to last. */
  public List<StateEntered> history() {
    if (history == null) {
      return List.of();
    }
    return history
        .lines()
        .map(line -> line.split(" "))
        .map(
            part ->
                new StateEntered(
                    InstanceState.valueOf(part[0]),
                    part[1].equals("-")
                        ? Optional.empty()
                        : Optional.of(InstanceState.valueOf(part[1])),
                    Instant.parse(part[2])))
        .toList();
  }

  public Lifecycle lifecycle() {
    return Lifecycle.of(flow());
  }

  /** Whether this instance's flow allows {@code move} from where it stands now. */
  public boolean may(Move move) {
    return lifecycle().allows(state, move);
  }

  public boolean hasEnded() {
    return state.isFinal();
  }

  /** A callback is not to be called before {@code at}: SCHEDULED until then. */
  public Optional<StateChange> schedule(Instant at, Instant now) {
    Optional<StateChange> change = move(Move.SCHEDULE, now);
    this.scheduledFor = at;
    return change;
  }

  /** The scheduled time came: the customer waits in the queue. */
  public Optional<StateChange> due(Instant now) {
    return move(Move.DUE, now);
  }

  /**
   * An agent is held for this customer; a scheduled callback whose time came before the sweep saw
   * it goes through QUEUED first, so both changes are told.
   */
  public List<StateChange> reserve(String agent, Instant now) {
    refuseUnlessAllowed(Move.RESERVE);
    List<StateChange> changes = new ArrayList<>();
    if (state == InstanceState.SCHEDULED) {
      due(now).ifPresent(changes::add);
    }
    this.agentId = agent;
    move(Move.RESERVE, now).ifPresent(changes::add);
    return changes;
  }

  /** The customer is asked (again) to confirm, and asked again at {@code due} if silent. */
  public Optional<StateChange> askToConfirm(Instant due, Instant now) {
    Optional<StateChange> change = move(Move.ASK_TO_CONFIRM, now);
    this.confirmAttempts++;
    this.confirmDueAt = due;
    return change;
  }

  /** The access number was booked for the customer. */
  public Optional<StateChange> issueAccess(Instant now) {
    return move(Move.ISSUE_ACCESS, now);
  }

  /** The contact center calls the customer. */
  public Optional<StateChange> dial(Instant now) {
    return move(Move.DIAL, now);
  }

  /** The customer and the agent are on one call. */
  public Optional<StateChange> connect(Instant now) {
    return move(Move.CONNECT, now);
  }

  /** The held agent was released: the customer waits again, without access info or confirmation. */
  public Optional<StateChange> lapse(Instant now) {
    refuseUnlessAllowed(Move.LAPSE);
    releaseAgent();
    return move(Move.LAPSE, now);
  }

  /** The customer asked to be served later: the held agent is released, and they wait again. */
  public Optional<StateChange> snooze(Instant now) {
    refuseUnlessAllowed(Move.SNOOZE);
    releaseAgent();
    return move(Move.SNOOZE, now);
  }

  private void releaseAgent() {
    this.agentId = null;
    this.confirmAttempts = 0;
  }

  public Optional<StateChange> complete(Instant now) {
    return move(Move.COMPLETE, now);
  }

  public Optional<StateChange> fail(Instant now) {
    return move(Move.FAIL, now);
  }

  /** Failed, saying why ({@code _failure_reason}). */
  public Optional<StateChange> fail(String reason, Instant now) {
    refuseUnlessAllowed(Move.FAIL);
    this.failureReason = reason;
    return move(Move.FAIL, now);
  }

  public Optional<StateChange> expire(Instant now) {
    return move(Move.EXPIRE, now);
  }

  public Optional<StateChange> cancel(Instant now) {
    return move(Move.CANCEL, now);
  }

  /**
   * Takes {@code move} if the flow allows it from here; answers the change, or empty when the
   * instance was already there.
   */
  private Optional<StateChange> move(Move move, Instant now) {
    refuseUnlessAllowed(move);
    InstanceState next = move.target();
    if (next != InstanceState.WAITING_CONFIRM) {
      confirmDueAt = null; // the confirmation timer lives only while a confirmation is awaited
    }
    if (next != InstanceState.SCHEDULED) {
      scheduledFor = null; // likewise the schedule, while scheduled
    }
    if (state == next) {
      return Optional.empty();
    }
    InstanceState previous = state;
    state = next;
    updatedAt = now;
    return Optional.of(new StateChange(this, previous, next, now));
  }

  private void refuseUnlessAllowed(Move move) {
    if (!may(move)) {
      throw new MoveRefused(id, lifecycle(), state, move);
    }
  }

  /** No confirmation is awaited any more (the customer keeps their place without one). */
  public void confirmationSettled() {
    this.confirmDueAt = null;
  }

  /** A schedule left behind by a state that moved on is no timer any more. */
  public void scheduleLeftBehind() {
    this.scheduledFor = null;
  }

  /** The customer is being asked whether to be connected now (DisplayMenu, confirm). */
  public boolean awaitsConfirmation() {
    return state == InstanceState.WAITING_CONFIRM;
  }

  /**
   * The connection the customer would confirm is already under way (number issued, call dialled or
   * up): a repeated confirm is answered again.
   */
  public boolean confirmedAlready() {
    return lifecycle() == Lifecycle.OUTBOUND
        ? state == InstanceState.DIALING || state == InstanceState.CONNECTED
        : state == InstanceState.ACCESS_ISSUED;
  }

  /**
   * The customer's own call arrived (main line): while they wait, it takes their place in the
   * queue; answers whether it did.
   */
  public boolean inboundCallArrived() {
    if (state == InstanceState.QUEUED || state == InstanceState.SCHEDULED) {
      this.inboundCall = true;
    }
    return inboundCall;
  }

  public boolean hasInboundCall() {
    return inboundCall;
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

  /** When the state last changed (or the instance was created). */
  public Instant updatedAt() {
    return updatedAt;
  }
}
