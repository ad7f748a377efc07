package io.callflow.platform.time;

import io.callflow.platform.domain.ParameterInvalid;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times as apps send them: ISO-8601 with an offset or {@code Z}, e.g. {@code 2026-03-09T14:30:00Z}.
 */
public final class IsoInstants {

  private IsoInstants() {}

  /** The instant {@code text} names; anything else is a 400 naming {@code field}. */
  public static Instant parse(String field, String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterInvalid(
          field,
          "not an ISO-8601 date and time with an offset or Z (e.g. 2026-03-09T14:30:00Z): " + text);
    }
  }
}
