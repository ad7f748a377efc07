package io.callflow.service.entity;

/**
 * A move the instance's flow does not allow from where the instance stands. Control asks {@link
 * ServiceInstance#may} first: a client hears a 409, a late timer or a redelivered message changes
 * nothing; this is thrown only when that question was not asked.
 */
public class MoveRefused extends RuntimeException {

  private final transient Move move;
  private final InstanceState state;

  public MoveRefused(String instanceId, Lifecycle lifecycle, InstanceState state, Move move) {
    super(
        "service instance "
            + instanceId
            + " ("
            + lifecycle
            + ") cannot "
            + move.label()
            + " while "
            + state);
    this.move = move;
    this.state = state;
  }

  public Move move() {
    return move;
  }

  public InstanceState state() {
    return state;
  }
}
