package io.callflow.access.entity;

/** How a pool shares its numbers. */
public enum Allocation {
  /** A number has at most one live booking: the number alone identifies the caller's session. */
  LOCKING,
  /** Many live bookings may hold a number; a match needs the caller's ANI or access code. */
  SHARED
}
