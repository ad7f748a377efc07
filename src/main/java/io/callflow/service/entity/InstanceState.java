package io.callflow.service.entity;

/** Where a service instance stands (spec §3). */
public enum InstanceState {
  SCHEDULED,
  QUEUED,
  AGENT_RESERVED,
  WAITING_CONFIRM,
  ACCESS_ISSUED,
  DIALING,
  CONNECTED,
  COMPLETED,
  CANCELLED,
  EXPIRED,
  FAILED;

  public boolean isFinal() {
    return this == COMPLETED || this == CANCELLED || this == EXPIRED || this == FAILED;
  }
}
