package io.callflow.callback.entity;

import io.callflow.service.entity.OfficeHours;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A callback service's configuration, from its options (defaults: GMS's): the direction and waiting
 * when the request does not say, office hours, capacity per time bucket, and the abuse limits.
 */
public record CallbackSettings(
    String callDirection,
    boolean waitForAgent,
    boolean waitForUserConfirm,
    OfficeHours officeHours,
    Duration bucket,
    int capacityPerBucket,
    int maxLivePerNumber,
    int throttleMax,
    Duration throttleWindow,
    Optional<String> requesterParameter,
    int immediatePerRequesterPerDay) {

  public static final String USERORIGINATED = "USERORIGINATED";
  public static final String USERTERMINATED = "USERTERMINATED";

  public static CallbackSettings of(Map<String, String> options) {
    return new CallbackSettings(
        options.getOrDefault("_call_direction", USERTERMINATED),
        Boolean.parseBoolean(options.getOrDefault("_wait_for_agent", "false")),
        Boolean.parseBoolean(options.getOrDefault("_wait_for_user_confirm", "false")),
        OfficeHours.parse(
            options.get("_office_time_zone"), options.get("_office_hours"),
            options.get("_office_closed_dates"), options.get("_office_exceptions")),
        Duration.ofMinutes(Long.parseLong(options.getOrDefault("_capacity_bucket_minutes", "5"))),
        Integer.parseInt(options.getOrDefault("_capacity_per_bucket", "100")),
        Integer.parseInt(options.getOrDefault("_max_live_per_number", "2")),
        Integer.parseInt(options.getOrDefault("_throttle_max", "500")),
        Duration.ofSeconds(Long.parseLong(options.getOrDefault("_throttle_window", "3600"))),
        Optional.ofNullable(options.get("_throttle_requester_parameter")).filter(p -> !p.isBlank()),
        Integer.parseInt(options.getOrDefault("_throttle_immediate_max", "6")));
  }
}
