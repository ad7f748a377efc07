package io.callflow.service.entity;

/**
 * What may happen to a service instance, each ending in one state. Which moves a flow allows from
 * which state is declared by its {@link Lifecycle}.
 */
public enum Move {
  /** A callback waits until a time (its own, or the next calling hours). */
  SCHEDULE(InstanceState.SCHEDULED),
  /** A scheduled callback's time came: it waits in its queue like any other. */
  DUE(InstanceState.QUEUED),
  /** An agent is held for the customer. */
  RESERVE(InstanceState.AGENT_RESERVED),
  /** The customer is asked (again) whether to be connected now. */
  ASK_TO_CONFIRM(InstanceState.WAITING_CONFIRM),
  /** The access number is booked and handed to the customer. */
  ISSUE_ACCESS(InstanceState.ACCESS_ISSUED),
  /** The contact center calls the customer. */
  DIAL(InstanceState.DIALING),
  /** Customer and agent are on one call. */
  CONNECT(InstanceState.CONNECTED),
  /** The customer asked to be served later: the agent is released and the customer waits. */
  SNOOZE(InstanceState.QUEUED),
  /**
   * The held agent was released (reservation timed out, agent left READY, no number, no answer):
   * the customer waits again at their old place.
   */
  LAPSE(InstanceState.QUEUED),
  /** The call ended well, or the customer's number was matched (access flows). */
  COMPLETE(InstanceState.COMPLETED),
  FAIL(InstanceState.FAILED),
  /** The customer waited too long, or their only access info ran out. */
  EXPIRE(InstanceState.EXPIRED),
  /** The app (or a confirmation left unanswered) ended the instance. */
  CANCEL(InstanceState.CANCELLED);

  private final InstanceState target;

  Move(InstanceState target) {
    this.target = target;
  }

  public InstanceState target() {
    return target;
  }

  /** The move's name in the state diagrams of {@code docs/routing.md}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
