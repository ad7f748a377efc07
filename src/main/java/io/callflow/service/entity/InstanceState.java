package io.callflow.service.entity;

import java.util.Arrays;
import java.util.List;

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

  /** The states an instance ends in, for queries over live instances. */
  public static List<InstanceState> ended() {
    return Arrays.stream(values()).filter(InstanceState::isFinal).toList();
  }
}
