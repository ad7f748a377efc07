package io.callflow.desktop.entity;

/**
 * Where an agent stands, as the desktop reports it; LOGOUT is also the state of a logged-out agent.
 */
public enum AgentStatus {
  READY,
  NOT_READY,
  WRAP_UP,
  LOGOUT
}
