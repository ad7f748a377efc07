package io.callflow.service.entity;

/** The instance's access info has ended (matched, expired or released): nothing to dial. */
public final class NoLiveAccess extends ServiceRefusal {

  public NoLiveAccess(String id) {
    super("service instance " + id + " has no live access number");
  }
}
