package io.callflow.service.control;

import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.time.IsoInstants;
import io.callflow.service.entity.CallingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * When an outbound call may be placed: the app's {@code _desired_time}, within the calling hours.
 */
final class Callbacks {

  /** A desired time this close to now still counts as now (clocks differ a little). */
  static final Duration TOLERANCE = Duration.ofSeconds(60);

  private Callbacks() {}

  /**
   * When to call, if not now: the desired time (ISO-8601 with an offset; neither past nor outside
   * calling hours, else a 400 naming it), else the next opening if the calling hours are closed
   * now.
   */
  static Optional<Instant> due(
      String desiredTime, CallingHours hours, List<ZoneId> zones, Instant now) {
    if (desiredTime != null && !desiredTime.isBlank()) {
      Instant desired = IsoInstants.parse("_desired_time", desiredTime);
      if (desired.isBefore(now.minus(TOLERANCE))) {
        throw new ParameterInvalid("_desired_time", "is in the past: " + desiredTime);
      }
      if (!hours.isOpenAt(desired, zones)) {
        throw new ParameterInvalid(
            "_desired_time",
            "is outside the calling hours in the customer's time zone "
                + zones
                + ": "
                + desiredTime);
      }
      return desired.isAfter(now) ? Optional.of(desired) : Optional.empty();
    }
    if (hours.isOpenAt(now, zones)) {
      return Optional.empty();
    }
    return Optional.of(
        hours
            .nextOpening(now, zones)
            .orElseThrow(
                () ->
                    new ParameterInvalid(
                        "_phone_number",
                        "the calling hours never open in the customer's time zones " + zones)));
  }
}
