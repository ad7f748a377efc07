package io.callflow.service.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * A callback service's office hours: weekly rules that may wrap midnight, holidays, dated
 * exceptions, DST.
 */
class OfficeHoursTest {

  private final OfficeHours newYork =
      OfficeHours.parse(
          "America/New_York",
          "Mon-Fri 08:00-18:00; Fri 22:00-02:00",
          "2026-12-25",
          "2026-12-24 09:00-12:00");

  @Test
  void weekdayHoursInTheOfficesZone() {
    assertTrue(newYork.isOpenAtLocal(LocalDateTime.parse("2026-06-03T08:00")));
    assertFalse(
        newYork.isOpenAtLocal(LocalDateTime.parse("2026-06-03T18:00")), "the end is exclusive");
    assertFalse(newYork.isOpenAtLocal(LocalDateTime.parse("2026-06-06T10:00")), "Saturday");
  }

  @Test
  void aRangeWrappingMidnightBelongsToTheDayItStarts() {
    assertTrue(newYork.isOpenAtLocal(LocalDateTime.parse("2026-06-05T23:30")), "Friday night");
    assertTrue(
        newYork.isOpenAtLocal(LocalDateTime.parse("2026-06-06T01:30")),
        "early Saturday, still Friday's range");
    assertFalse(newYork.isOpenAtLocal(LocalDateTime.parse("2026-06-06T02:00")));
    assertFalse(
        newYork.isOpenAtLocal(LocalDateTime.parse("2026-06-04T23:30")),
        "Thursday has no night range");
  }

  @Test
  void holidaysCloseAndExceptionsReplaceTheWeek() {
    assertFalse(
        newYork.isOpenAtLocal(LocalDateTime.parse("2026-12-25T10:00")), "Christmas, a Friday");
    assertFalse(
        newYork.isOpenAtLocal(LocalDateTime.parse("2026-12-25T23:00")), "nor its night range");
    assertTrue(
        newYork.isOpenAtLocal(LocalDateTime.parse("2026-12-24T11:00")), "Christmas Eve morning");
    assertFalse(
        newYork.isOpenAtLocal(LocalDateTime.parse("2026-12-24T14:00")), "but not its afternoon");
  }

  @Test
  void daylightSavingMovesTheInstantsNotTheHours() {
    // Friday 6 March 2026 08:00 EST is 13:00 UTC; Monday 9 March 08:00 EDT is 12:00 UTC
    assertTrue(newYork.isOpenAt(Instant.parse("2026-03-06T13:00:00Z")));
    assertFalse(newYork.isOpenAt(Instant.parse("2026-03-06T12:30:00Z")));
    assertTrue(newYork.isOpenAt(Instant.parse("2026-03-09T12:00:00Z")));
    assertFalse(newYork.isOpenAt(Instant.parse("2026-03-09T11:59:00Z")));
    // and back in November: Monday 2 November 08:00 EST is 13:00 UTC again
    assertFalse(newYork.isOpenAt(Instant.parse("2026-11-02T12:30:00Z")));
    assertTrue(newYork.isOpenAt(Instant.parse("2026-11-02T13:00:00Z")));
  }

  @Test
  void noWeeklyRulesIsOpenAroundTheClockButOnHolidays() {
    OfficeHours always = OfficeHours.parse(null, null, "2026-01-01", null);
    assertTrue(always.isOpenAt(Instant.parse("2026-06-06T03:00:00Z")));
    assertFalse(always.isOpenAt(Instant.parse("2026-01-01T12:00:00Z")));
  }

  @Test
  void badConfigurationNamesTheOption() {
    assertEquals(
        "_office_time_zone: not an IANA time zone: 'Mars/Base'",
        assertThrows(
                IllegalArgumentException.class,
                () -> OfficeHours.parse("Mars/Base", null, null, null))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> OfficeHours.parse(null, "Mon-Fry 08:00-18:00", null, null))
            .getMessage()
            .startsWith("_office_hours"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> OfficeHours.parse(null, null, "25/12/2026", null))
            .getMessage()
            .startsWith("_office_closed_dates"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> OfficeHours.parse(null, null, null, "2026-12-24 22:00-02:00"))
            .getMessage()
            .startsWith("_office_exceptions"));
  }
}
