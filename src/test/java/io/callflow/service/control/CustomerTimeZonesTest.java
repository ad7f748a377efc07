package io.callflow.service.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.service.entity.CallingHours;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's zones come from their number's area code, not from every zone of its country. */
class CustomerTimeZonesTest {

  private final CustomerTimeZones timeZones = new CustomerTimeZones();

  @BeforeEach
  void load() {
    timeZones.phoneNumbers = new PhoneNumbers("US");
    timeZones.load();
  }

  private List<ZoneId> zonesOf(String e164) {
    return timeZones.of(Optional.empty(), Optional.of(e164));
  }

  private static List<ZoneId> zones(String... ids) {
    return java.util.Arrays.stream(ids).map(ZoneId::of).toList();
  }

  @Test
  void newYorkNumberIsCalledInNewYorkHoursNotInThoseItSharesWithHawaii() {
    List<ZoneId> zones = zonesOf("+12127365000");
    assertEquals(zones("America/New_York"), zones);
    Instant morning = Instant.parse("2026-06-01T13:30:00Z"); // 09:30 in New York, 03:30 in Honolulu
    assertTrue(CallingHours.parse("09:00-20:00").isOpenAt(morning, zones));
  }

  @Test
  void hawaiianNumberIsInHawaii() {
    assertEquals(zones("Pacific/Honolulu"), zonesOf("+18087351234"));
  }

  @Test
  void canadianNumberIsInItsProvincesZone() {
    assertEquals(zones("America/Vancouver"), zonesOf("+16046812000"));
    assertEquals(zones("America/Toronto"), zonesOf("+14165551234"));
  }

  @Test
  void australianNumberIsInItsAreaCodesZones() {
    assertEquals(zones("Australia/Sydney"), zonesOf("+61293744000"));
    // area code 08 spans South Australia and Western Australia: open only where both are
    assertEquals(zones("Australia/Adelaide", "Australia/Perth"), zonesOf("+61892221000"));
  }

  @Test
  void australianMobileHasNoAreaSoEveryZoneOfAustraliaCounts() {
    List<ZoneId> zones = zonesOf("+61412345678");
    assertTrue(zones.containsAll(zones("Australia/Perth", "Australia/Sydney")), zones::toString);
  }

  @Test
  void numberOfASingleZoneCountryIsInThatZone() {
    assertEquals(zones("Europe/Paris"), zonesOf("+33142685300"));
    assertEquals(zones("Europe/Paris"), zonesOf("+33612345678"));
  }

  @Test
  void theZoneTheAppNamesWins() {
    assertEquals(
        zones("Pacific/Honolulu"),
        timeZones.of(Optional.of("Pacific/Honolulu"), Optional.of("+12127365000")));
  }

  @Test
  void withoutANumberTheDefaultRegionsZonesCount() {
    List<ZoneId> zones = timeZones.of(Optional.empty(), Optional.empty());
    assertTrue(zones.containsAll(zones("America/New_York", "Pacific/Honolulu")), zones::toString);
  }
}
