package io.callflow.callback.control;

import io.callflow.callback.entity.CallbackRefused;
import io.callflow.callback.entity.CallbackSettings;
import io.callflow.platform.phone.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The Callback API's abuse controls, in the create's transaction and under its service lock:
 * impossible and premium-rate numbers, live callbacks per number, the service's throttle, and the
 * immediate callbacks one requester may ask for in a day.
 */
@ApplicationScoped
public class CallbackAbuse {

  /** Immediate callbacks a requester may ask for are counted over this period. */
  static final Duration REQUESTER_PERIOD = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject PhoneNumbers phoneNumbers;

  /**
   * Refuses a callback beyond the live callbacks one number may hold, the service's throttle, or
   * (immediate callbacks) the requester's daily allowance.
   */
  public void check(
      String name,
      CallbackSettings settings,
      String number,
      Optional<String> requester,
      boolean immediate,
      Instant now) {
    long live =
        count(
            "SELECT count(*) FROM service_instance WHERE service_name = ?1 AND phone_number = ?2"
                + " AND state NOT IN ('COMPLETED', 'CANCELLED', 'EXPIRED', 'FAILED')",
            name,
            number);
    if (live >= settings.maxLivePerNumber()) {
      throw CallbackRefused.duplicate(number, settings.maxLivePerNumber());
    }
    long recent =
        count(
            "SELECT count(*) FROM service_instance WHERE service_name = ?1 AND created_at >= ?2",
            name,
            Timestamp.from(now.minus(settings.throttleWindow())));
    if (recent >= settings.throttleMax()) {
      throw CallbackRefused.throttled(
          "service "
              + name
              + " took "
              + settings.throttleMax()
              + " callbacks in the last "
              + settings.throttleWindow().toSeconds()
              + " s",
          settings.throttleWindow().toSeconds());
    }
    if (immediate && requester.isPresent()) {
      long asked =
          count(
              "SELECT count(*) FROM service_instance WHERE service_name = ?1 AND requester = ?2"
                  + " AND desired_time IS NULL AND created_at >= ?3",
              name,
              requester.get(),
              Timestamp.from(now.minus(REQUESTER_PERIOD)));
      if (asked >= settings.immediatePerRequesterPerDay()) {
        throw CallbackRefused.throttled(
            "requester "
                + requester.get()
                + " asked for "
                + settings.immediatePerRequesterPerDay()
                + " immediate callbacks in 24 h",
            REQUESTER_PERIOD.toSeconds());
      }
    }
  }

  /** The customer number in E.164: required, possible, and not premium-rate. */
  public String customerNumber(Map<String, String> parameters) {
    String field =
        parameters.containsKey("_customer_number") ? "_customer_number" : "_phone_number";
    String raw = parameters.get(field);
    if (raw == null || raw.isBlank()) {
      throw CallbackRefused.number("_customer_number", "required: the customer's number");
    }
    String number =
        phoneNumbers
            .toE164(raw)
            .orElseThrow(
                () ->
                    CallbackRefused.number(
                        field, "Customer Number [" + raw + "] is not a possible number"));
    if (PhoneNumbers.isPremiumRate(number)) {
      throw CallbackRefused.number(
          field, "Customer Number [" + number + "] is disallowed: premium rate");
    }
    return number;
  }

  /** Who asks: the configured request parameter's value, else the gms_user. */
  public static Optional<String> requesterOf(
      CallbackSettings settings, Map<String, String> parameters, String gmsUser) {
    return settings
        .requesterParameter()
        .map(parameters::get)
        .or(() -> Optional.ofNullable(gmsUser))
        .filter(key -> !key.isBlank());
  }

  private long count(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
