package io.callflow.access.entity;

/** Which of a pool's available numbers a booking gets. */
public enum Choice {
  RANDOM,
  /** In number order, continuing after the number handed out last. */
  ROUND_ROBIN
}
