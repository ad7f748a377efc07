package io.callflow.service.entity;

import static io.callflow.service.entity.InstanceState.ACCESS_ISSUED;
import static io.callflow.service.entity.InstanceState.AGENT_RESERVED;
import static io.callflow.service.entity.InstanceState.CONNECTED;
import static io.callflow.service.entity.InstanceState.DIALING;
import static io.callflow.service.entity.InstanceState.QUEUED;
import static io.callflow.service.entity.InstanceState.SCHEDULED;
import static io.callflow.service.entity.InstanceState.WAITING_CONFIRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of each kind of flow, declared in one place: the states an instance is created
 * in, and from which states each {@link Move} is allowed. A move to the state the instance is
 * already in is allowed only where declared (asking again, scheduling again, snoozing twice) and
 * changes nothing. Ended states allow no move. {@code docs/routing.md} draws these tables, and a
 * test keeps the drawing and the table the same.
 */
public enum Lifecycle {

  /** request-interaction, request-inbound-immediate: the number is handed out at once. */
  ACCESS(
      EnumSet.of(ACCESS_ISSUED),
      allow(Move.COMPLETE, ACCESS_ISSUED),
      allow(Move.EXPIRE, ACCESS_ISSUED),
      allow(Move.CANCEL, ACCESS_ISSUED)),

  /** request-inbound-delay, -delay-location, -poll: an agent first, then the number to call. */
  QUEUED_INBOUND(
      EnumSet.of(QUEUED),
      allow(Move.SCHEDULE, QUEUED, SCHEDULED),
      allow(Move.DUE, SCHEDULED),
      allow(Move.RESERVE, QUEUED, SCHEDULED),
      allow(Move.ASK_TO_CONFIRM, AGENT_RESERVED, WAITING_CONFIRM),
      allow(Move.ISSUE_ACCESS, AGENT_RESERVED, WAITING_CONFIRM),
      allow(Move.CONNECT, AGENT_RESERVED, ACCESS_ISSUED),
      allow(Move.SNOOZE, QUEUED, AGENT_RESERVED, WAITING_CONFIRM, ACCESS_ISSUED),
      allow(Move.LAPSE, AGENT_RESERVED, WAITING_CONFIRM, ACCESS_ISSUED),
      allow(Move.COMPLETE, CONNECTED),
      allow(Move.FAIL, CONNECTED),
      allow(Move.EXPIRE, SCHEDULED, QUEUED),
      allow(
          Move.CANCEL,
          SCHEDULED,
          QUEUED,
          AGENT_RESERVED,
          WAITING_CONFIRM,
          ACCESS_ISSUED,
          CONNECTED)),

  /** request-outbound-immediate, -delay, -poll: an agent first, then the customer is called. */
  OUTBOUND(
      EnumSet.of(SCHEDULED, QUEUED),
      allow(Move.SCHEDULE, QUEUED, SCHEDULED),
      allow(Move.DUE, SCHEDULED),
      allow(Move.RESERVE, QUEUED, SCHEDULED),
      allow(Move.ASK_TO_CONFIRM, AGENT_RESERVED, WAITING_CONFIRM),
      allow(Move.DIAL, AGENT_RESERVED, WAITING_CONFIRM),
      allow(Move.CONNECT, AGENT_RESERVED, DIALING),
      allow(Move.SNOOZE, QUEUED, AGENT_RESERVED, WAITING_CONFIRM),
      allow(Move.LAPSE, AGENT_RESERVED, WAITING_CONFIRM, DIALING),
      allow(Move.COMPLETE, DIALING, CONNECTED),
      allow(Move.FAIL, AGENT_RESERVED, WAITING_CONFIRM, DIALING, CONNECTED),
      allow(Move.EXPIRE, SCHEDULED, QUEUED),
      allow(Move.CANCEL, SCHEDULED, QUEUED, AGENT_RESERVED, WAITING_CONFIRM, DIALING, CONNECTED));

  private final Set<InstanceState> initial;
  private final Map<Move, Set<InstanceState>> allowed = new EnumMap<>(Move.class);

  Lifecycle(Set<InstanceState> initial, Allowed... moves) {
    this.initial = initial;
    for (Allowed move : moves) {
      allowed.put(move.move(), move.from());
    }
  }

  /** The lifecycle an instance of {@code flow} follows. */
  public static Lifecycle of(Flow flow) {
    if (flow.isOutbound()) {
      return OUTBOUND;
    }
    return flow.isQueued() ? QUEUED_INBOUND : ACCESS;
  }

  public boolean startsIn(InstanceState state) {
    return initial.contains(state);
  }

  /** Whether {@code move} is allowed from {@code state}. */
  public boolean allows(InstanceState state, Move move) {
    return allowed.getOrDefault(move, Set.of()).contains(state);
  }

  /**
   * The declaration as a Mermaid state diagram, as {@code docs/routing.md} shows it: creation, then
   * each move from each state it is allowed in.
   */
  public String diagram() {
    List<String> lines = new ArrayList<>();
    lines.add("stateDiagram-v2");
    initial.forEach(state -> lines.add("  [*] --> " + state + ": create"));
    allowed.forEach(
        (move, from) ->
            from.forEach(
                state -> lines.add("  " + state + " --> " + move.target() + ": " + move.label())));
    return String.join("\n", lines);
  }

  private record Allowed(Move move, Set<InstanceState> from) {}

  private static Allowed allow(Move move, InstanceState... from) {
    EnumSet<InstanceState> states = EnumSet.noneOf(InstanceState.class);
    states.addAll(Arrays.asList(from));
    return new Allowed(move, states);
  }
}
