package io.callflow.service.entity;

/**
 * A request the instance answers, but not in the state it is in now (a confirm before an agent is
 * ready, a snooze once connected).
 */
public final class RequestRefused extends ServiceRefusal {

  private final InstanceState state;

  public RequestRefused(String id, String request, InstanceState state) {
    super("service instance " + id + " cannot " + request + " while " + state);
    this.state = state;
  }

  public InstanceState state() {
    return state;
  }
}
