package io.callflow.platform.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Normalises phone numbers to E.164, so the number an app sends, the ANI a switch presents and the
 * numbers an operator configures compare equal however each was written.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final PhoneNumberToTimeZonesMapper TIME_ZONES =
      PhoneNumberToTimeZonesMapper.getInstance();

  /** Numbers parsed lately: the pools' access numbers come back on every match-interaction. */
  private static final int REMEMBERED = 4096;

  private final String defaultRegion;
  private final Map<String, Optional<String>> remembered = new ConcurrentHashMap<>();

  /** {@code defaultRegion}: ISO 3166 code used for numbers written without a country code. */
  public PhoneNumbers(String defaultRegion) {
    this.defaultRegion = defaultRegion.toUpperCase();
  }

  /**
   * The E.164 form of {@code raw}, or empty when it is not a possible phone number. Possible rather
   * than valid: contact-center test and toll-free ranges must pass, and libphonenumber's validity
   * metadata lags behind real allocations.
   */
  public Optional<String> toE164(String raw) {
    if (raw == null || raw.isBlank() || raw.length() > 40) {
      return Optional.empty();
    }
    Optional<String> known = remembered.get(raw);
    if (known == null) {
      if (remembered.size() >= REMEMBERED) {
        remembered.clear(); // callers' numbers come and go: start again rather than keep them all
      }
      known = parse(raw);
      remembered.put(raw, known);
    }
    return known;
  }

  private Optional<String> parse(String raw) {
    try {
      PhoneNumber number = UTIL.parse(raw.strip(), defaultRegion);
      if (!UTIL.isPossibleNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether an E.164 number is premium-rate (the caller pays a surcharge): never to be called back.
   */
  public static boolean isPremiumRate(String e164) {
    try {
      return UTIL.getNumberType(UTIL.parse(e164, null))
          == PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE;
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** The region of an E.164 number ("US", "FR"), or empty when unknown. */
  public static Optional<String> regionOf(String e164) {
    try {
      return Optional.ofNullable(UTIL.getRegionCodeForNumber(UTIL.parse(e164, null)))
          .filter(region -> !"ZZ".equals(region));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The IANA time zones of an E.164 number's area code ("America/New_York" for +1 212…), or empty
   * when the number is not tied to a place (mobile in many countries, toll-free, an unknown range):
   * then only its region says where the customer may be.
   */
  public static List<String> areaTimeZonesOf(String e164) {
    try {
      PhoneNumber number = UTIL.parse(e164, null);
      if (!UTIL.isNumberGeographical(number)) {
        return List.of();
      }
      List<String> zones = TIME_ZONES.getTimeZonesForGeographicalNumber(number);
      return zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
          ? List.of()
          : List.copyOf(zones);
    } catch (NumberParseException e) {
      return List.of();
    }
  }

  public String defaultRegion() {
    return defaultRegion;
  }
}
