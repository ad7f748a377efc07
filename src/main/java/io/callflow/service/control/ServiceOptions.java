package io.callflow.service.control;

import static io.callflow.service.entity.OptionKey.ACCESS_CODE_LENGTH;
import static io.callflow.service.entity.OptionKey.AGENT_RESERVE_TIMEOUT;
import static io.callflow.service.entity.OptionKey.BOOKING_TIMEOUT;
import static io.callflow.service.entity.OptionKey.CALLING_HOURS;
import static io.callflow.service.entity.OptionKey.CONFIRM_ATTEMPTS;
import static io.callflow.service.entity.OptionKey.DEFAULT_OVERWRITABLE;
import static io.callflow.service.entity.OptionKey.DIAL_RETRY_TIMEOUT;
import static io.callflow.service.entity.OptionKey.FIRST_CONNECT_PARTY;
import static io.callflow.service.entity.OptionKey.MAX_DIAL_ATTEMPTS;
import static io.callflow.service.entity.OptionKey.MAX_LIVE_PER_NUMBER;
import static io.callflow.service.entity.OptionKey.ON_USER_CONFIRM_TIMEOUT;
import static io.callflow.service.entity.OptionKey.OVERWRITABLE;
import static io.callflow.service.entity.OptionKey.PROVIDE_CODE;
import static io.callflow.service.entity.OptionKey.QUEUE;
import static io.callflow.service.entity.OptionKey.QUEUED_TTL;
import static io.callflow.service.entity.OptionKey.REQUEST_PARAMETERS;
import static io.callflow.service.entity.OptionKey.RESOURCE_GROUP;
import static io.callflow.service.entity.OptionKey.SNOOZE_DURATION;
import static io.callflow.service.entity.OptionKey.TTL;
import static io.callflow.service.entity.OptionKey.USER_CONFIRM_TIMEOUT;
import static io.callflow.service.entity.OptionKey.WAIT_FOR_USER_CONFIRM;

import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.json.StringObjects;
import io.callflow.service.entity.CallingHours;
import io.callflow.service.entity.DialAttempt;
import io.callflow.service.entity.Flow;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A service instance's options, resolved once at create: the request's value when the service lists
 * the option in {@code _overwritable_options}, else the service's configured value, else (booking
 * timeout) the pool's default, else the built-in default. Request parameters ({@link
 * io.callflow.service.entity.OptionKey#REQUEST_PARAMETERS}) and app data are not options. Names are
 * {@link io.callflow.service.entity.OptionKey}, accepted values {@link OptionChecks}.
 */
public final class ServiceOptions {

  /** What a queued flow does when the customer never confirmed. */
  public enum OnConfirmTimeout {
    CONNECT_ANYWAY,
    CANCEL
  }

  static final String DEFAULT_RESOURCE_GROUP = "DNIS";
  static final String DEFAULT_QUEUE = "default";
  static final int DEFAULT_ACCESS_CODE_LENGTH = 6;
  static final Duration TTL_REQUEST_INTERACTION = Duration.ofSeconds(30);
  static final Duration TTL_QUEUED = Duration.ofSeconds(86400);

  private final Map<String, String> values;

  /** The options whose value the request gave (not stored with the instance). */
  private final Set<String> fromRequest;

  private ServiceOptions(Map<String, String> values) {
    this(values, Set.of());
  }

  private ServiceOptions(Map<String, String> values, Set<String> fromRequest) {
    this.values = Collections.unmodifiableMap(values);
    this.fromRequest = Set.copyOf(fromRequest);
  }

  /**
   * @param ignored told about each request value that the service does not let requests override
   */
  public static ServiceOptions resolve(
      Map<String, String> configured, Map<String, String> request, Consumer<String> ignored) {
    Map<String, String> values = new TreeMap<>();
    configured.forEach(
        (key, value) -> {
          OptionChecks.problemWith(key, value)
              .ifPresent(
                  problem -> {
                    throw new IllegalStateException(
                        "configured option " + key + "=" + value + " " + problem);
                  });
          values.put(key, value);
        });
    List<String> overwritable = overwritable(configured);
    Set<String> fromRequest = new HashSet<>();
    request.forEach(
        (key, value) -> {
          if (!isOption(key)) {
            return;
          }
          if (!overwritable.contains(key)) {
            ignored.accept(key);
            return;
          }
          OptionChecks.problemWith(key, value)
              .ifPresent(
                  problem -> {
                    throw new ParameterInvalid(key, problem);
                  });
          values.put(key, value.strip());
          fromRequest.add(key);
        });
    return new ServiceOptions(values, fromRequest);
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

  /** Whether the request, not the service's configuration, gave the pool. */
  public boolean poolNamedByRequest() {
    return fromRequest.contains(RESOURCE_GROUP);
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
