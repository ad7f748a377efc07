package io.callflow.callback.entity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A time bucket a callback may be booked in, with the places still free in it. */
public record CallbackSlot(Instant at, int free) {

  /** How the Callback API writes a slot's time, e.g. {@code 2026-03-09T14:30:00.000Z}. */
  public static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
}
