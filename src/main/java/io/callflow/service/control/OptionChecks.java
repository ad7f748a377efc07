package io.callflow.service.control;

import static io.callflow.service.entity.OptionKey.ACCESS_CODE_LENGTH;
import static io.callflow.service.entity.OptionKey.AGENT_RESERVE_TIMEOUT;
import static io.callflow.service.entity.OptionKey.ALLOCATIONS_PER_CLIENT;
import static io.callflow.service.entity.OptionKey.BOOKING_TIMEOUT;
import static io.callflow.service.entity.OptionKey.CALLING_HOURS;
import static io.callflow.service.entity.OptionKey.CALL_DIRECTION;
import static io.callflow.service.entity.OptionKey.CAPACITY_BUCKET_MINUTES;
import static io.callflow.service.entity.OptionKey.CAPACITY_PER_BUCKET;
import static io.callflow.service.entity.OptionKey.CONFIRM_ATTEMPTS;
import static io.callflow.service.entity.OptionKey.DIAL_RETRY_TIMEOUT;
import static io.callflow.service.entity.OptionKey.FIRST_CONNECT_PARTY;
import static io.callflow.service.entity.OptionKey.MAX_DIAL_ATTEMPTS;
import static io.callflow.service.entity.OptionKey.MAX_LIVE_PER_NUMBER;
import static io.callflow.service.entity.OptionKey.OFFICE_CLOSED_DATES;
import static io.callflow.service.entity.OptionKey.OFFICE_EXCEPTIONS;
import static io.callflow.service.entity.OptionKey.OFFICE_HOURS;
import static io.callflow.service.entity.OptionKey.OFFICE_TIME_ZONE;
import static io.callflow.service.entity.OptionKey.ON_USER_CONFIRM_TIMEOUT;
import static io.callflow.service.entity.OptionKey.PROVIDE_CODE;
import static io.callflow.service.entity.OptionKey.QUEUE;
import static io.callflow.service.entity.OptionKey.QUEUED_TTL;
import static io.callflow.service.entity.OptionKey.RESOURCE_GROUP;
import static io.callflow.service.entity.OptionKey.SNOOZE_DURATION;
import static io.callflow.service.entity.OptionKey.THROTTLE_IMMEDIATE_MAX;
import static io.callflow.service.entity.OptionKey.THROTTLE_MAX;
import static io.callflow.service.entity.OptionKey.THROTTLE_WINDOW;
import static io.callflow.service.entity.OptionKey.TTL;
import static io.callflow.service.entity.OptionKey.USER_CONFIRM_TIMEOUT;
import static io.callflow.service.entity.OptionKey.WAIT_FOR_AGENT;
import static io.callflow.service.entity.OptionKey.WAIT_FOR_USER_CONFIRM;

import io.callflow.routing.entity.VirtualQueue;
import io.callflow.service.entity.CallingHours;
import io.callflow.service.entity.OfficeHours;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Which values each option accepts, and why a value is refused, in words a client can act on. */
public final class OptionChecks {

  static final long MAX_TTL_SECONDS = 2_592_000;

  /** Checks one option's value; returns why it is wrong, or empty. */
  private static final Map<String, Function<String, Optional<String>>> CHECKS =
      Map.ofEntries(
          Map.entry(
              RESOURCE_GROUP,
              v -> v.isBlank() ? Optional.of("must name a pool") : Optional.empty()),
          Map.entry(PROVIDE_CODE, OptionChecks::checkBoolean),
          Map.entry(ACCESS_CODE_LENGTH, v -> checkInteger(v, 4, 10)),
          Map.entry(BOOKING_TIMEOUT, v -> checkInteger(v, 5, 1800)),
          Map.entry(TTL, v -> checkInteger(v, 1, MAX_TTL_SECONDS)),
          Map.entry(
              QUEUE,
              v ->
                  VirtualQueue.NAME.matcher(v).matches()
                      ? Optional.empty()
                      : Optional.of("must name a virtual queue")),
          Map.entry(AGENT_RESERVE_TIMEOUT, v -> checkInteger(v, 5, 1800)),
          Map.entry(WAIT_FOR_USER_CONFIRM, OptionChecks::checkBoolean),
          Map.entry(USER_CONFIRM_TIMEOUT, v -> checkInteger(v, 1, 600)),
          Map.entry(CONFIRM_ATTEMPTS, v -> checkInteger(v, 1, 10)),
          Map.entry(
              ON_USER_CONFIRM_TIMEOUT,
              v ->
                  v.equals("CONNECT-ANYWAY") || v.equals("CANCEL")
                      ? Optional.empty()
                      : Optional.of("must be CONNECT-ANYWAY or CANCEL, not '" + v + "'")),
          Map.entry(QUEUED_TTL, v -> checkInteger(v, 10, 604_800)),
          Map.entry(SNOOZE_DURATION, v -> checkInteger(v, 1, 86_400)),
          Map.entry(
              FIRST_CONNECT_PARTY,
              v ->
                  v.equals("AGENT") || v.equals("CUSTOMER")
                      ? Optional.empty()
                      : Optional.of("must be AGENT or CUSTOMER, not '" + v + "'")),
          Map.entry(MAX_DIAL_ATTEMPTS, v -> checkInteger(v, 1, 10)),
          Map.entry(DIAL_RETRY_TIMEOUT, v -> checkInteger(v, 1, 86_400)),
          Map.entry(CALLING_HOURS, CallingHours::problemWith),
          Map.entry(MAX_LIVE_PER_NUMBER, v -> checkInteger(v, 1, 100)),
          Map.entry(ALLOCATIONS_PER_CLIENT, v -> checkInteger(v, 0, 1_000_000)),
          Map.entry(
              CALL_DIRECTION,
              v ->
                  v.equals("USERORIGINATED") || v.equals("USERTERMINATED")
                      ? Optional.empty()
                      : Optional.of("must be USERORIGINATED or USERTERMINATED, not '" + v + "'")),
          Map.entry(WAIT_FOR_AGENT, OptionChecks::checkBoolean),
          Map.entry(OFFICE_TIME_ZONE, v -> office(() -> OfficeHours.parse(v, null, null, null))),
          Map.entry(OFFICE_HOURS, v -> office(() -> OfficeHours.parse(null, v, null, null))),
          Map.entry(OFFICE_CLOSED_DATES, v -> office(() -> OfficeHours.parse(null, null, v, null))),
          Map.entry(OFFICE_EXCEPTIONS, v -> office(() -> OfficeHours.parse(null, null, null, v))),
          Map.entry(CAPACITY_BUCKET_MINUTES, v -> checkInteger(v, 1, 1440)),
          Map.entry(CAPACITY_PER_BUCKET, v -> checkInteger(v, 1, 1_000_000)),
          Map.entry(THROTTLE_MAX, v -> checkInteger(v, 1, 1_000_000)),
          Map.entry(THROTTLE_WINDOW, v -> checkInteger(v, 1, 2_592_000)),
          Map.entry(THROTTLE_IMMEDIATE_MAX, v -> checkInteger(v, 1, 1_000_000)));

  /**
   * Why {@code value} is not valid for the option {@code key}, or empty (also for options not
   * checked).
   */
  public static Optional<String> problemWith(String key, String value) {
    Function<String, Optional<String>> check = CHECKS.get(key);
    return check == null ? Optional.empty() : check.apply(value.strip());
  }

  private static Optional<String> office(Runnable parse) {
    try {
      parse.run();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      return Optional.of(
          message.substring(message.indexOf(':') + 1).strip()); // the field is named already
    }
  }

  private static Optional<String> checkBoolean(String value) {
    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
        ? Optional.empty()
        : Optional.of("must be true or false, not '" + value + "'");
  }

  private static Optional<String> checkInteger(String value, long min, long max) {
    try {
      long n = Long.parseLong(value);
      return n >= min && n <= max
          ? Optional.empty()
          : Optional.of("must be between " + min + " and " + max + ", not " + n);
    } catch (NumberFormatException e) {
      return Optional.of(
          "must be a whole number between " + min + " and " + max + ", not '" + value + "'");
    }
  }

  private OptionChecks() {}
}
