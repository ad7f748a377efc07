package io.callflow.service.control;

import io.callflow.platform.phone.PhoneNumbers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The time zones a customer may be in: the one the app names ({@code _customer_time_zone}), else
 * those of their number's area code (libphonenumber's time-zone map), else those of their number's
 * region (region-time-zones.properties, from the IANA database; a mobile or toll-free number has no
 * area), else those of the server's default phone region. The narrower the set, the longer the
 * calling hours: a New York number is not held to the hours New York shares with Hawaii.
 */
@ApplicationScoped
public class CustomerTimeZones {

  static final String RESOURCE = "/region-time-zones.properties";

  @Inject PhoneNumbers phoneNumbers;

  private Map<String, List<ZoneId>> byRegion;
  private Set<String> known;

  @PostConstruct
  void load() {
    Properties table = new Properties();
    try (InputStream in = CustomerTimeZones.class.getResourceAsStream(RESOURCE)) {
      table.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    known = ZoneId.getAvailableZoneIds();
    byRegion =
        table.stringPropertyNames().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    region -> region,
                    region ->
                        Arrays.stream(table.getProperty(region).split(","))
                            .filter(
                                known::contains) // a zone newer than this JVM's tzdb is left out
                            .map(ZoneId::of)
                            .toList()));
  }

  /** The customer's possible zones; never empty. */
  public List<ZoneId> of(Optional<String> namedZone, Optional<String> e164) {
    if (namedZone.isPresent()) {
      return List.of(ZoneId.of(namedZone.get()));
    }
    List<ZoneId> area = e164.map(this::areaZones).orElse(List.of());
    if (!area.isEmpty()) {
      return area;
    }
    String region = e164.flatMap(PhoneNumbers::regionOf).orElse(phoneNumbers.defaultRegion());
    List<ZoneId> zones = byRegion.getOrDefault(region, List.of());
    return zones.isEmpty() ? List.of(ZoneOffset.UTC) : zones;
  }

  private List<ZoneId> areaZones(String e164) {
    return PhoneNumbers.areaTimeZonesOf(e164).stream()
        .filter(known::contains) // a zone newer than this JVM's tzdb is left out
        .map(ZoneId::of)
        .toList();
  }

  /** Why {@code zone} is not an IANA time zone, or empty. */
  public static Optional<String> problemWith(String zone) {
    try {
      ZoneId.of(zone.strip());
      return Optional.empty();
    } catch (java.time.DateTimeException e) {
      return Optional.of("not an IANA time zone (e.g. Europe/Paris): '" + zone + "'");
    }
  }
}
