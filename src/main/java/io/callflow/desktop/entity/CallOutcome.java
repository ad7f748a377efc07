package io.callflow.desktop.entity;

/** What became of a call, as the desktop reports it in a CallResult. */
public enum CallOutcome {
  CONNECTED,
  NO_ANSWER,
  BUSY,
  FAILED,
  COMPLETED
}
