package io.callflow.service.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every move of every flow, from every state its instances can reach: the declared ones move the
 * instance and tell the change, the others are refused and change nothing.
 */
class LifecycleTest {

  private static final Instant NOW = Instant.parse("2026-03-09T14:00:00Z");

  /** One flow of each lifecycle, with the states its instances are created in. */
  private static final Map<Lifecycle, Flow> FLOW =
      Map.of(
          Lifecycle.ACCESS, Flow.REQUEST_INTERACTION,
          Lifecycle.QUEUED_INBOUND, Flow.REQUEST_INBOUND_DELAY,
          Lifecycle.OUTBOUND, Flow.REQUEST_OUTBOUND_DELAY);

  static Stream<Arguments> everyMoveFromEveryReachableState() {
    List<Arguments> cases = new ArrayList<>();
    for (Lifecycle lifecycle : Lifecycle.values()) {
      paths(lifecycle)
          .forEach(
              (state, path) -> {
                for (Move move : Move.values()) {
                  cases.add(Arguments.of(lifecycle, state, move, path));
                }
              });
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {2} from {1}")
  @MethodSource("everyMoveFromEveryReachableState")
  void aDeclaredMoveMovesAndEveryOtherIsRefused(
      Lifecycle lifecycle, InstanceState from, Move move, List<Move> path) {
    ServiceInstance instance = walk(lifecycle, path);
    assertEquals(from, instance.state());
    if (lifecycle.allows(from, move)) {
      assertTrue(instance.may(move));
      List<StateChange> changes = take(instance, move);
      assertEquals(move.target(), instance.state());
      if (from == move.target()) {
        assertEquals(List.of(), changes, "a move to where it stands tells nothing");
      } else {
        assertEquals(from, changes.get(0).previous());
      }
    } else {
      assertFalse(instance.may(move));
      MoveRefused refused = assertThrows(MoveRefused.class, () -> take(instance, move));
      assertEquals(move, refused.move());
      assertEquals(from, instance.state(), "a refused move changes nothing");
    }
  }

  @ParameterizedTest
  @EnumSource(Lifecycle.class)
  void everyStateOfAFlowCanBeReachedAndEveryLiveOneCanBeLeft(Lifecycle lifecycle) {
    Map<InstanceState, List<Move>> reachable = paths(lifecycle);
    for (InstanceState state : reachable.keySet()) {
      boolean leaves =
          Stream.of(Move.values()).anyMatch(m -> lifecycle.allows(state, m) && m.target() != state);
      assertEquals(!state.isFinal(), leaves, state + " in " + lifecycle);
    }
    for (Move move : Move.values()) {
      for (InstanceState state : InstanceState.values()) {
        if (lifecycle.allows(state, move)) {
          assertTrue(reachable.containsKey(state), move + " from unreachable " + state);
        }
      }
    }
  }

  @Test
  void aScheduledCallbackReservedAtOnceTellsEachStateItEntered() {
    ServiceInstance instance = created(Flow.REQUEST_OUTBOUND_DELAY, InstanceState.SCHEDULED);
    List<StateChange> changes = instance.reserve("a1", NOW);
    assertEquals(2, changes.size());
    assertEquals(InstanceState.SCHEDULED, changes.get(0).previous());
    assertEquals(InstanceState.QUEUED, changes.get(0).state());
    assertEquals(InstanceState.QUEUED, changes.get(1).previous());
    assertEquals(InstanceState.AGENT_RESERVED, changes.get(1).state());
  }

  @Test
  void aQueuedCustomerIsReservedAnAgentAndCanCancel() {
    ServiceInstance instance = created(Flow.REQUEST_INBOUND_POLL, InstanceState.QUEUED);
    List<StateChange> reserved = instance.reserve("a1", NOW);
    assertEquals(InstanceState.AGENT_RESERVED, instance.state());
    assertEquals(Optional.of("a1"), instance.agentId());
    assertEquals(InstanceState.QUEUED, reserved.get(0).previous());
    assertEquals(
        Optional.of(InstanceState.AGENT_RESERVED), instance.cancel(NOW).map(c -> c.previous()));
  }

  @Test
  void aScheduledCallbackReservedBeforeTheSweepSawItTellsBothMoves() {
    ServiceInstance instance = created(Flow.REQUEST_OUTBOUND_DELAY, InstanceState.QUEUED);
    instance.schedule(NOW.plusSeconds(60), NOW);
    List<StateChange> changes = instance.reserve("a1", NOW);
    assertEquals(
        List.of(InstanceState.SCHEDULED, InstanceState.QUEUED),
        changes.stream().map(StateChange::previous).toList());
    assertEquals(Optional.empty(), instance.scheduledFor());
  }

  @Test
  void askingAgainCountsTheAttemptAndTellsNothing() {
    ServiceInstance instance = created(Flow.REQUEST_INBOUND_DELAY, InstanceState.QUEUED);
    instance.reserve("a1", NOW);
    assertTrue(instance.askToConfirm(NOW.plusSeconds(30), NOW).isPresent());
    assertEquals(Optional.empty(), instance.askToConfirm(NOW.plusSeconds(60), NOW));
    assertEquals(2, instance.confirmAttempts());
    assertEquals(Optional.of(NOW.plusSeconds(60)), instance.confirmDueAt());
    instance.issueAccess(NOW);
    assertEquals(Optional.empty(), instance.confirmDueAt(), "no timer once the number is issued");
  }

  @Test
  void aLapsedReservationReleasesTheAgentAndTheConfirmation() {
    ServiceInstance instance = created(Flow.REQUEST_OUTBOUND_POLL, InstanceState.QUEUED);
    instance.reserve("a1", NOW);
    instance.askToConfirm(NOW.plusSeconds(30), NOW);
    instance.lapse(NOW);
    assertEquals(InstanceState.QUEUED, instance.state());
    assertEquals(Optional.empty(), instance.agentId());
    assertEquals(0, instance.confirmAttempts());
    assertEquals(Optional.empty(), instance.confirmDueAt());
  }

  @Test
  void anEndedInstanceRefusesEveryMove() {
    ServiceInstance instance = created(Flow.REQUEST_INBOUND_IMMEDIATE, InstanceState.ACCESS_ISSUED);
    instance.complete(NOW);
    for (Move move : Move.values()) {
      assertFalse(instance.may(move), move.name());
    }
  }

  @Test
  void aFailureSaysWhy() {
    ServiceInstance instance = created(Flow.REQUEST_OUTBOUND_IMMEDIATE, InstanceState.QUEUED);
    instance.reserve("a1", NOW);
    instance.fail("no result after 3 attempt(s)", NOW);
    assertEquals(Optional.of("no result after 3 attempt(s)"), instance.failureReason());
  }

  @Test
  void theCustomersOwnCallIsKeptOnlyWhileTheyWait() {
    ServiceInstance waiting = created(Flow.REQUEST_OUTBOUND_DELAY, InstanceState.QUEUED);
    assertTrue(waiting.inboundCallArrived());
    ServiceInstance dialled = created(Flow.REQUEST_OUTBOUND_DELAY, InstanceState.QUEUED);
    dialled.reserve("a1", NOW);
    dialled.dial(NOW);
    assertFalse(dialled.inboundCallArrived());
  }

  @Test
  void anInstanceIsCreatedOnlyWhereItsFlowStarts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> created(Flow.REQUEST_INTERACTION, InstanceState.QUEUED));
    assertThrows(
        IllegalArgumentException.class,
        () -> created(Flow.REQUEST_INBOUND_POLL, InstanceState.SCHEDULED));
  }

  @ParameterizedTest
  @EnumSource(Lifecycle.class)
  void theRoutingDocumentDrawsEachFlowAsDeclared(Lifecycle lifecycle) throws Exception {
    String doc = Files.readString(Path.of("docs/routing.md"));
    String block = "```mermaid\n%% " + lifecycle + "\n" + lifecycle.diagram() + "\n```";
    assertTrue(
        doc.contains(block),
        () -> "docs/routing.md must draw " + lifecycle + " as declared:\n" + block);
  }

  /** The shortest way to each reachable state, from the first state the flow is created in. */
  private static Map<InstanceState, List<Move>> paths(Lifecycle lifecycle) {
    Map<InstanceState, List<Move>> paths = new EnumMap<>(InstanceState.class);
    InstanceState start = created(FLOW.get(lifecycle), startOf(lifecycle)).state();
    paths.put(start, List.of());
    Deque<InstanceState> next = new ArrayDeque<>(List.of(start));
    while (!next.isEmpty()) {
      InstanceState state = next.poll();
      for (Move move : Move.values()) {
        if (lifecycle.allows(state, move) && !paths.containsKey(move.target())) {
          List<Move> path = new ArrayList<>(paths.get(state));
          path.add(move);
          paths.put(move.target(), path);
          next.add(move.target());
        }
      }
    }
    return paths;
  }

  private static InstanceState startOf(Lifecycle lifecycle) {
    return Stream.of(InstanceState.values()).filter(lifecycle::startsIn).findFirst().orElseThrow();
  }

  private static ServiceInstance walk(Lifecycle lifecycle, List<Move> path) {
    ServiceInstance instance = created(FLOW.get(lifecycle), startOf(lifecycle));
    path.forEach(move -> take(instance, move));
    return instance;
  }

  private static ServiceInstance created(Flow flow, InstanceState initial) {
    return new ServiceInstance(
        "i1",
        new ServiceDefinition("s", flow, "{}"),
        initial,
        null,
        "+14155550123",
        "d1",
        "{}",
        NOW);
  }

  /** Takes {@code move} through the instance's intention method for it. */
  private static List<StateChange> take(ServiceInstance instance, Move move) {
    Optional<StateChange> change =
        switch (move) {
          case SCHEDULE -> instance.schedule(NOW.plusSeconds(3600), NOW);
          case DUE -> instance.due(NOW);
          case RESERVE -> Optional.empty();
          case ASK_TO_CONFIRM -> instance.askToConfirm(NOW.plusSeconds(30), NOW);
          case ISSUE_ACCESS -> instance.issueAccess(NOW);
          case DIAL -> instance.dial(NOW);
          case CONNECT -> instance.connect(NOW);
          case SNOOZE -> instance.snooze(NOW);
          case LAPSE -> instance.lapse(NOW);
          case COMPLETE -> instance.complete(NOW);
          case FAIL -> instance.fail(NOW);
          case EXPIRE -> instance.expire(NOW);
          case CANCEL -> instance.cancel(NOW);
        };
    if (move == Move.RESERVE) {
      return instance.reserve("a1", NOW);
    }
    return change.stream().toList();
  }
}
