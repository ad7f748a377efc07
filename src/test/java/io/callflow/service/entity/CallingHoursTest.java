package io.callflow.service.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Calling hours in the customer's local time, across daylight-saving changes and several zones. */
class CallingHoursTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId HONOLULU = ZoneId.of("Pacific/Honolulu");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final CallingHours weekdays = CallingHours.parse("Mon-Fri 09:00-18:00");

  @Test
  void afterFridayClosingTheNextOpeningIsMondayMorningInSummerTime() {
    // Friday 6 March 2026, 19:00 EST; clocks spring forward on Sunday 8 March
    Instant fridayEvening = Instant.parse("2026-03-07T00:00:00Z");
    assertFalse(weekdays.isOpenAt(fridayEvening, List.of(NEW_YORK)));
    // Monday 9 March 09:00 EDT is 13:00 UTC, not 14:00 as it was the week before
    assertEquals(
        Optional.of(Instant.parse("2026-03-09T13:00:00Z")),
        weekdays.nextOpening(fridayEvening, List.of(NEW_YORK)));
  }

  @Test
  void afterTheFallBackTheLocalHourStaysAndTheInstantMoves() {
    // Saturday 31 October 2026 evening EDT; clocks fall back on Sunday 1 November
    Instant saturday = Instant.parse("2026-11-01T00:00:00Z");
    assertEquals(
        Optional.of(Instant.parse("2026-11-02T14:00:00Z")),
        weekdays.nextOpening(saturday, List.of(NEW_YORK)));
    assertTrue(weekdays.isOpenAt(Instant.parse("2026-11-02T14:00:00Z"), List.of(NEW_YORK)));
    assertFalse(
        weekdays.isOpenAt(Instant.parse("2026-11-02T13:59:59Z"), List.of(NEW_YORK)), "08:59 EST");
  }

  @Test
  void europeanChangeIsReadInTheCustomersZone() {
    CallingHours daily = CallingHours.parse("08:00-20:00");
    Instant saturdayNight = Instant.parse("2026-03-28T19:30:00Z"); // 20:30 CET
    assertFalse(daily.isOpenAt(saturdayNight, List.of(PARIS)));
    // Sunday 29 March 08:00 CEST (UTC+2) after the change at 02:00
    assertEquals(
        Optional.of(Instant.parse("2026-03-29T06:00:00Z")),
        daily.nextOpening(saturdayNight, List.of(PARIS)));
  }

  @Test
  void anOpeningInsideTheSpringForwardGapOpensWhenTheClockJumps() {
    CallingHours early = CallingHours.parse("Sun 02:30-04:00");
    Instant beforeGap = Instant.parse("2026-03-08T06:00:00Z"); // 01:00 EST
    // 02:30 does not exist that night: the window opens at 03:30 EDT = 07:30 UTC
    assertEquals(
        Optional.of(Instant.parse("2026-03-08T07:30:00Z")),
        early.nextOpening(beforeGap, List.of(NEW_YORK)));
  }

  @Test
  void aRegionWithSeveralZonesIsOpenOnlyWhereAllAre() {
    CallingHours daily = CallingHours.parse("09:00-20:00");
    List<ZoneId> newYorkAndHonolulu = List.of(NEW_YORK, HONOLULU);
    Instant morning = Instant.parse("2026-06-01T13:30:00Z"); // 09:30 in New York, 03:30 in Honolulu
    assertTrue(daily.isOpenAt(morning, List.of(NEW_YORK)));
    assertFalse(daily.isOpenAt(morning, newYorkAndHonolulu), "never a call at night in Hawaii");
    assertEquals(
        Optional.of(Instant.parse("2026-06-01T19:00:00Z")),
        daily.nextOpening(morning, newYorkAndHonolulu));
    assertFalse(
        daily.isOpenAt(Instant.parse("2026-06-02T00:30:00Z"), newYorkAndHonolulu),
        "20:30 in New York");
  }

  @Test
  void zonesThatAreNeverOpenTogetherHaveNoOpening() {
    CallingHours hour = CallingHours.parse("09:00-10:00");
    assertEquals(
        Optional.empty(),
        hour.nextOpening(
            Instant.parse("2026-06-01T00:00:00Z"), List.of(NEW_YORK, ZoneId.of("Asia/Tokyo"))));
  }

  @Test
  void noRulesMeansAlwaysOpen() {
    assertTrue(
        CallingHours.ALWAYS.isOpenAt(Instant.parse("2026-06-01T03:00:00Z"), List.of(NEW_YORK)));
    Instant now = Instant.parse("2026-06-01T03:00:00Z");
    assertEquals(Optional.of(now), CallingHours.ALWAYS.nextOpening(now, List.of(NEW_YORK)));
  }

  @Test
  void severalRulesAndDayListsCombine() {
    CallingHours hours = CallingHours.parse("Mon-Fri 09:00-18:00; Sat,Sun 10:00-12:00");
    assertTrue(
        hours.isOpenAt(Instant.parse("2026-06-06T14:30:00Z"), List.of(NEW_YORK)), "Saturday 10:30");
    assertFalse(
        hours.isOpenAt(Instant.parse("2026-06-06T17:00:00Z"), List.of(NEW_YORK)), "Saturday 13:00");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "25:00-26:00",
        "Mon-Fry 09:00-10:00",
        "18:00-09:00",
        "Mon 09:00",
        "",
        "Mon Tue 09:00-10:00"
      })
  void badRulesSayWhy(String spec) {
    assertTrue(CallingHours.problemWith(spec).isPresent(), spec);
  }
}
