package io.callflow.callback.entity;

import io.callflow.service.entity.OfficeHours;
import io.callflow.service.entity.OptionKey;
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
        options.getOrDefault(OptionKey.CALL_DIRECTION, USERTERMINATED),
        Boolean.parseBoolean(options.getOrDefault(OptionKey.WAIT_FOR_AGENT, "false")),
        Boolean.parseBoolean(options.getOrDefault(OptionKey.WAIT_FOR_USER_CONFIRM, "false")),
        OfficeHours.parse(
            options.get(OptionKey.OFFICE_TIME_ZONE), options.get(OptionKey.OFFICE_HOURS),
            options.get(OptionKey.OFFICE_CLOSED_DATES), options.get(OptionKey.OFFICE_EXCEPTIONS)),
        Duration.ofMinutes(
            Long.parseLong(options.getOrDefault(OptionKey.CAPACITY_BUCKET_MINUTES, "5"))),
        Integer.parseInt(options.getOrDefault(OptionKey.CAPACITY_PER_BUCKET, "100")),
        Integer.parseInt(options.getOrDefault(OptionKey.MAX_LIVE_PER_NUMBER, "2")),
        Integer.parseInt(options.getOrDefault(OptionKey.THROTTLE_MAX, "500")),
        Duration.ofSeconds(Long.parseLong(options.getOrDefault(OptionKey.THROTTLE_WINDOW, "3600"))),
        Optional.ofNullable(options.get(OptionKey.THROTTLE_REQUESTER_PARAMETER))
            .filter(p -> !p.isBlank()),
        Integer.parseInt(options.getOrDefault(OptionKey.THROTTLE_IMMEDIATE_MAX, "6")));
  }
}
