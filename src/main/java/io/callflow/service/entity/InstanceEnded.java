package io.callflow.service.entity;

/** {@code request-access} for an instance that has ended: no access info to give it. */
public final class InstanceEnded extends ServiceRefusal {

  public InstanceEnded(String id, InstanceState state) {
    super("service instance " + id + " has ended (" + state + ")");
  }
}
