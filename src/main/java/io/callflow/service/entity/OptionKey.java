package io.callflow.service.entity;

import java.util.List;
import java.util.Set;

/**
 * The option names of a configured service (GMS's {@code service.<name>} keys), spelled here once,
 * and the request parameters that are never options.
 */
public final class OptionKey {

  public static final String RESOURCE_GROUP = "_resource_group";
  public static final String PROVIDE_CODE = "_provide_code";
  public static final String ACCESS_CODE_LENGTH = "_access_code_length";
  public static final String BOOKING_TIMEOUT = "_booking_expiration_timeout";
  public static final String TTL = "_ttl";
  public static final String OVERWRITABLE = "_overwritable_options";
  public static final String QUEUE = "_queue";
  public static final String AGENT_RESERVE_TIMEOUT = "_agent_reserve_timeout";
  public static final String WAIT_FOR_USER_CONFIRM = "_wait_for_user_confirm";
  public static final String USER_CONFIRM_TIMEOUT = "_user_confirm_timeout";
  public static final String CONFIRM_ATTEMPTS =
      "_max_number_of_user_availability_confirmation_attempts";
  public static final String ON_USER_CONFIRM_TIMEOUT = "_on_user_confirm_timeout";
  public static final String QUEUED_TTL = "_queued_ttl";
  public static final String SNOOZE_DURATION = "_snooze_duration";
  public static final String FIRST_CONNECT_PARTY = "_userterminated_first_connect_party";
  public static final String MAX_DIAL_ATTEMPTS = "_max_dial_attempts";
  public static final String DIAL_RETRY_TIMEOUT = "_dial_retry_timeout";
  public static final String CALLING_HOURS = "_calling_hours";
  public static final String MAX_LIVE_PER_NUMBER = "_max_live_per_number";
  public static final String ALLOCATIONS_PER_CLIENT = "_allocations_per_client_per_minute";
  public static final String CALL_DIRECTION = "_call_direction";
  public static final String WAIT_FOR_AGENT = "_wait_for_agent";
  public static final String OFFICE_TIME_ZONE = "_office_time_zone";
  public static final String OFFICE_HOURS = "_office_hours";
  public static final String OFFICE_CLOSED_DATES = "_office_closed_dates";
  public static final String OFFICE_EXCEPTIONS = "_office_exceptions";
  public static final String CAPACITY_BUCKET_MINUTES = "_capacity_bucket_minutes";
  public static final String CAPACITY_PER_BUCKET = "_capacity_per_bucket";
  public static final String THROTTLE_MAX = "_throttle_max";
  public static final String THROTTLE_WINDOW = "_throttle_window";
  public static final String THROTTLE_REQUESTER_PARAMETER = "_throttle_requester_parameter";
  public static final String THROTTLE_IMMEDIATE_MAX = "_throttle_immediate_max";

  /** A request parameter, kept with the instance's options for the checks at dial time. */
  public static final String CUSTOMER_TIME_ZONE = "_customer_time_zone";

  /** Always taken from the request; never options. */
  public static final Set<String> REQUEST_PARAMETERS =
      Set.of(
          "_phone_number",
          "_customer_number",
          "_desired_time",
          "_device_notification_id",
          "_device_os",
          "_latitude",
          "_longitude",
          "_return_user_data",
          "_access_number",
          "_access_code",
          "_id",
          CUSTOMER_TIME_ZONE);

  /** Every option this server acts on (a configured option not here is stored with a warning). */
  public static final Set<String> KNOWN =
      Set.of(
          RESOURCE_GROUP,
          PROVIDE_CODE,
          ACCESS_CODE_LENGTH,
          BOOKING_TIMEOUT,
          TTL,
          OVERWRITABLE,
          QUEUE,
          AGENT_RESERVE_TIMEOUT,
          WAIT_FOR_USER_CONFIRM,
          USER_CONFIRM_TIMEOUT,
          CONFIRM_ATTEMPTS,
          ON_USER_CONFIRM_TIMEOUT,
          QUEUED_TTL,
          SNOOZE_DURATION,
          FIRST_CONNECT_PARTY,
          MAX_DIAL_ATTEMPTS,
          DIAL_RETRY_TIMEOUT,
          CALLING_HOURS,
          MAX_LIVE_PER_NUMBER,
          ALLOCATIONS_PER_CLIENT,
          CALL_DIRECTION,
          WAIT_FOR_AGENT,
          OFFICE_TIME_ZONE,
          OFFICE_HOURS,
          OFFICE_CLOSED_DATES,
          OFFICE_EXCEPTIONS,
          CAPACITY_BUCKET_MINUTES,
          CAPACITY_PER_BUCKET,
          THROTTLE_MAX,
          THROTTLE_WINDOW,
          THROTTLE_REQUESTER_PARAMETER,
          THROTTLE_IMMEDIATE_MAX,
          CUSTOMER_TIME_ZONE);

  public static final List<String> DEFAULT_OVERWRITABLE =
      List.of(PROVIDE_CODE, BOOKING_TIMEOUT, ACCESS_CODE_LENGTH, TTL, RESOURCE_GROUP);

  private OptionKey() {}
}
