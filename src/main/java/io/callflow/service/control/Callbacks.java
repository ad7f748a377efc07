package io.callflow.service.control;

import io.callflow.platform.rest.ProblemException;
import io.callflow.service.entity.CallingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** When an outbound call may be placed: the app's {@code _desired_time}, within the calling hours. */
final class Callbacks {

  /** A desired time this close to now still counts as now (clocks differ a little). */
  static final Duration TOLERANCE = Duration.ofSeconds(60);

  private Callbacks() {}

  /**
   * When to call, if not now: the desired time (ISO-8601 with an offset; neither past nor outside
   * calling hours, else a 400 naming it), else the next opening if the calling hours are closed now.
   */
  static Optional<Instant> due(String desiredTime, CallingHours hours, List<ZoneId> zones, Instant now) {
    if (desiredTime != null && !desiredTime.isBlank()) {
      Instant desired = parse(desiredTime.strip());
      if (desired.isBefore(now.minus(TOLERANCE))) {
        throw ProblemException.badParameter("_desired_time", "is in the past: " + desiredTime);
      }
      if (!hours.isOpenAt(desired, zones)) {
        throw ProblemException.badParameter(
            "_desired_time", "is outside the calling hours in the customer's time zone " + zones + ": " + desiredTime);
      }
      return desired.isAfter(now) ? Optional.of(desired) : Optional.empty();
    }
    if (hours.isOpenAt(now, zones)) {
      return Optional.empty();
    }
    return Optional.of(
        hours.nextOpening(now, zones)
            .orElseThrow(() -> ProblemException.badParameter(
                "_phone_number", "the calling hours never open in the customer's time zones " + zones)));
  }

  private static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.badParameter(
          "_desired_time", "not an ISO-8601 date and time with an offset (e.g. 2026-03-09T14:30:00Z): " + text);
    }
  }
}
