package io.callflow.service.control;

import io.callflow.platform.json.StringObjects;
import io.callflow.platform.rest.ProblemException;
import io.callflow.service.entity.CallingHours;
import io.callflow.service.entity.DialAttempt;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.OfficeHours;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service instance's options, resolved once at create: the request's value when the service lists
 * the option in {@code _overwritable_options}, else the service's configured value, else (booking
 * timeout) the pool's default, else the built-in default. Request parameters ({@link
 * #REQUEST_PARAMETERS}) and app data are not options.
 */
public final class ServiceOptions {

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

  /** What a queued flow does when the customer never confirmed. */
  public enum OnConfirmTimeout {
    CONNECT_ANYWAY,
    CANCEL
  }

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
          "_customer_time_zone");

  public static final List<String> DEFAULT_OVERWRITABLE =
      List.of(PROVIDE_CODE, BOOKING_TIMEOUT, ACCESS_CODE_LENGTH, TTL, RESOURCE_GROUP);

  static final String DEFAULT_RESOURCE_GROUP = "DNIS";
  static final String DEFAULT_QUEUE = "default";
  static final int DEFAULT_ACCESS_CODE_LENGTH = 6;
  static final Duration TTL_REQUEST_INTERACTION = Duration.ofSeconds(30);
  static final Duration TTL_QUEUED = Duration.ofSeconds(86400);
  static final long MAX_TTL_SECONDS = 2_592_000;

  /** Checks one option's value; returns why it is wrong, or empty. */
  private static final Map<String, Function<String, Optional<String>>> CHECKS =
      Map.ofEntries(
          Map.entry(
              RESOURCE_GROUP,
              v -> v.isBlank() ? Optional.of("must name a pool") : Optional.empty()),
          Map.entry(PROVIDE_CODE, ServiceOptions::checkBoolean),
          Map.entry(ACCESS_CODE_LENGTH, v -> checkInteger(v, 4, 10)),
          Map.entry(BOOKING_TIMEOUT, v -> checkInteger(v, 5, 1800)),
          Map.entry(TTL, v -> checkInteger(v, 1, MAX_TTL_SECONDS)),
          Map.entry(
              QUEUE,
              v ->
                  v.matches("[A-Za-z0-9_.-]{1,64}")
                      ? Optional.empty()
                      : Optional.of("must name a virtual queue")),
          Map.entry(AGENT_RESERVE_TIMEOUT, v -> checkInteger(v, 5, 1800)),
          Map.entry(WAIT_FOR_USER_CONFIRM, ServiceOptions::checkBoolean),
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
          Map.entry(WAIT_FOR_AGENT, ServiceOptions::checkBoolean),
          Map.entry(OFFICE_TIME_ZONE, v -> office(() -> OfficeHours.parse(v, null, null, null))),
          Map.entry(OFFICE_HOURS, v -> office(() -> OfficeHours.parse(null, v, null, null))),
          Map.entry(OFFICE_CLOSED_DATES, v -> office(() -> OfficeHours.parse(null, null, v, null))),
          Map.entry(OFFICE_EXCEPTIONS, v -> office(() -> OfficeHours.parse(null, null, null, v))),
          Map.entry(CAPACITY_BUCKET_MINUTES, v -> checkInteger(v, 1, 1440)),
          Map.entry(CAPACITY_PER_BUCKET, v -> checkInteger(v, 1, 1_000_000)),
          Map.entry(THROTTLE_MAX, v -> checkInteger(v, 1, 1_000_000)),
          Map.entry(THROTTLE_WINDOW, v -> checkInteger(v, 1, 2_592_000)),
          Map.entry(THROTTLE_IMMEDIATE_MAX, v -> checkInteger(v, 1, 1_000_000)));

  private final Map<String, String> values;

  private ServiceOptions(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * @param ignored told about each request value that the service does not let requests override
   */
  public static ServiceOptions resolve(
      Map<String, String> configured, Map<String, String> request, Consumer<String> ignored) {
    Map<String, String> values = new TreeMap<>();
    configured.forEach(
        (key, value) -> {
          checkOf(key, value)
              .ifPresent(
                  problem -> {
                    throw new IllegalStateException(
                        "configured option " + key + "=" + value + " " + problem);
                  });
          values.put(key, value);
        });
    List<String> overwritable = overwritable(configured);
    request.forEach(
        (key, value) -> {
          if (!isOption(key)) {
            return;
          }
          if (!overwritable.contains(key)) {
            ignored.accept(key);
            return;
          }
          checkOf(key, value)
              .ifPresent(
                  problem -> {
                    throw ProblemException.badParameter(key, problem);
                  });
          values.put(key, value.strip());
        });
    return new ServiceOptions(values);
  }

  /** Whether {@code key} names an option (not a request parameter, not app data). */
  public static boolean isOption(String key) {
    return key.startsWith("_") && !REQUEST_PARAMETERS.contains(key);
  }

  /** App data: every key that is not a system parameter. */
  public static Map<String, String> appData(Map<String, String> request) {
    Map<String, String> data = new LinkedHashMap<>();
    request.forEach(
        (key, value) -> {
          if (!key.startsWith("_")) {
            data.put(key, value);
          }
        });
    return data;
  }

  private static List<String> overwritable(Map<String, String> configured) {
    String list = configured.get(OVERWRITABLE);
    if (list == null) {
      return DEFAULT_OVERWRITABLE;
    }
    return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Why {@code value} is not valid for the option {@code key}, or empty (also for options not
   * checked).
   */
  public static Optional<String> problemWith(String key, String value) {
    return checkOf(key, value);
  }

  private static Optional<String> checkOf(String key, String value) {
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

  public String resourceGroup() {
    return values.getOrDefault(RESOURCE_GROUP, DEFAULT_RESOURCE_GROUP);
  }

  public boolean provideCode() {
    return Boolean.parseBoolean(values.getOrDefault(PROVIDE_CODE, "false"));
  }

  public int accessCodeLength() {
    return Integer.parseInt(
        values.getOrDefault(ACCESS_CODE_LENGTH, String.valueOf(DEFAULT_ACCESS_CODE_LENGTH)));
  }

  /** Empty: the pool's default applies. */
  public Optional<Duration> bookingTimeout() {
    return Optional.ofNullable(values.get(BOOKING_TIMEOUT))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)));
  }

  /** How long the app data lives. */
  public Duration ttl(Flow flow) {
    String ttl = values.get(TTL);
    if (ttl != null) {
      return Duration.ofSeconds(Long.parseLong(ttl));
    }
    return flow == Flow.REQUEST_INTERACTION || flow == Flow.REQUEST_ACCESS
        ? TTL_REQUEST_INTERACTION
        : TTL_QUEUED;
  }

  /** The options an instance stored at create, as they were then. */
  public static ServiceOptions stored(String json) {
    return new ServiceOptions(new TreeMap<>(StringObjects.read(json)));
  }

  /** The same options with another pool, e.g. the one nearest the customer. */
  public ServiceOptions withResourceGroup(String pool) {
    Map<String, String> changed = new TreeMap<>(values);
    changed.put(RESOURCE_GROUP, pool);
    return new ServiceOptions(changed);
  }

  public String queue() {
    return values.getOrDefault(QUEUE, DEFAULT_QUEUE);
  }

  /** How long an agent is held for a customer who has the access number (spec: 120 s). */
  public Duration agentReserveTimeout() {
    return seconds(AGENT_RESERVE_TIMEOUT, 120);
  }

  public boolean waitForUserConfirm(Flow flow) {
    if (flow == Flow.REQUEST_OUTBOUND_IMMEDIATE) {
      return false; // "you will receive the call shortly": nobody is asked
    }
    boolean byDefault = flow == Flow.REQUEST_OUTBOUND_DELAY || flow == Flow.REQUEST_OUTBOUND_POLL;
    return Boolean.parseBoolean(
        values.getOrDefault(WAIT_FOR_USER_CONFIRM, String.valueOf(byDefault)));
  }

  public Duration userConfirmTimeout() {
    return seconds(USER_CONFIRM_TIMEOUT, 30);
  }

  public int confirmAttempts() {
    return Integer.parseInt(values.getOrDefault(CONFIRM_ATTEMPTS, "3"));
  }

  public OnConfirmTimeout onConfirmTimeout() {
    return "CANCEL".equals(values.get(ON_USER_CONFIRM_TIMEOUT))
        ? OnConfirmTimeout.CANCEL
        : OnConfirmTimeout.CONNECT_ANYWAY;
  }

  public Duration queuedTtl() {
    return seconds(QUEUED_TTL, 14_400);
  }

  public Duration snoozeDuration() {
    return seconds(SNOOZE_DURATION, 300);
  }

  /**
   * Live instances one customer number may hold on a service: 1 for the 8.1 outbound flows (a
   * repeat answers the live one); the Callback API refuses beyond its own limit.
   */
  public int maxLivePerNumber(int byDefault) {
    return Integer.parseInt(values.getOrDefault(MAX_LIVE_PER_NUMBER, String.valueOf(byDefault)));
  }

  /** When customers may be called, in their local time; always, unless configured. */
  public CallingHours callingHours() {
    String spec = values.get(CALLING_HOURS);
    return spec == null ? CallingHours.ALWAYS : CallingHours.parse(spec);
  }

  /** The same options with {@code key} set, e.g. the customer's time zone kept for later checks. */
  public ServiceOptions with(String key, String value) {
    Map<String, String> changed = new TreeMap<>(values);
    changed.put(key, value);
    return new ServiceOptions(changed);
  }

  /** Outbound: whose phone rings first; the agent's by default. */
  public DialAttempt.Party firstConnectParty() {
    return "CUSTOMER".equals(values.get(FIRST_CONNECT_PARTY))
        ? DialAttempt.Party.CUSTOMER
        : DialAttempt.Party.AGENT;
  }

  public int maxDialAttempts() {
    return Integer.parseInt(values.getOrDefault(MAX_DIAL_ATTEMPTS, "3"));
  }

  public Duration dialRetryTimeout() {
    return seconds(DIAL_RETRY_TIMEOUT, 300);
  }

  private Duration seconds(String key, long byDefault) {
    return Duration.ofSeconds(Long.parseLong(values.getOrDefault(key, String.valueOf(byDefault))));
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Map<String, String> asMap() {
    return values;
  }

  public String toJson() {
    return StringObjects.toText(values);
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
