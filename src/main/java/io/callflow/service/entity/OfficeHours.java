package io.callflow.service.entity;

import io.callflow.platform.time.WeekDays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A callback service's office hours in its own time zone: weekly rules ({@code "Mon-Fri
 * 08:00-18:00; Fri 22:00-02:00"} — a range may wrap past midnight into the next day), closed dates
 * (holidays), and dated exceptions that replace the weekly rules on their date ({@code "2026-12-24
 * 09:00-12:00"}). Local times are read in the zone, so a daylight-saving change moves the instants,
 * never the hours. No weekly rules: open around the clock (except on closed dates).
 */
public final class OfficeHours {

  record Window(LocalTime from, LocalTime to) {
    boolean wraps() {
      return !from.isBefore(to);
    }
  }

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Window>> weekly;
  private final Set<LocalDate> closed;
  private final Map<LocalDate, List<Window>> exceptions;

  private OfficeHours(
      ZoneId zone,
      Map<DayOfWeek, List<Window>> weekly,
      Set<LocalDate> closed,
      Map<LocalDate, List<Window>> exceptions) {
    this.zone = zone;
    this.weekly = weekly;
    this.closed = closed;
    this.exceptions = exceptions;
  }

  /**
   * Reads the three option values (each may be null); an invalid one throws with the reason, naming
   * the option.
   */
  public static OfficeHours parse(
      String zoneId, String weeklyRules, String closedDates, String exceptionRules) {
    ZoneId zone;
    try {
      zone = zoneId == null || zoneId.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zoneId.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "_office_time_zone: not an IANA time zone: '" + zoneId + "'");
    }
    Map<DayOfWeek, List<Window>> weekly = new HashMap<>();
    if (weeklyRules != null && !weeklyRules.isBlank()) {
      for (String rule : weeklyRules.split(";")) {
        if (rule.isBlank()) {
          continue;
        }
        String[] parts = rule.strip().split("\\s+");
        if (parts.length > 2) {
          throw new IllegalArgumentException(
              "_office_hours: '" + rule.strip() + "' is not '[days] HH:mm-HH:mm'");
        }
        Set<DayOfWeek> days = parts.length == 2 ? days(parts[0]) : EnumSet.allOf(DayOfWeek.class);
        Window window = window("_office_hours", parts[parts.length - 1]);
        days.forEach(day -> weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(window));
      }
    }
    Set<LocalDate> closed = new HashSet<>();
    if (closedDates != null && !closedDates.isBlank()) {
      for (String date : closedDates.split("[,;\\s]+")) {
        if (!date.isBlank()) {
          closed.add(date("_office_closed_dates", date));
        }
      }
    }
    Map<LocalDate, List<Window>> exceptions = new HashMap<>();
    if (exceptionRules != null && !exceptionRules.isBlank()) {
      for (String rule : exceptionRules.split(";")) {
        if (rule.isBlank()) {
          continue;
        }
        String[] parts = rule.strip().split("\\s+");
        if (parts.length != 2) {
          throw new IllegalArgumentException(
              "_office_exceptions: '" + rule.strip() + "' is not 'yyyy-MM-dd HH:mm-HH:mm'");
        }
        Window window = window("_office_exceptions", parts[1]);
        if (window.wraps()) {
          throw new IllegalArgumentException(
              "_office_exceptions: '" + rule.strip() + "' must end on its own date");
        }
        exceptions
            .computeIfAbsent(date("_office_exceptions", parts[0]), d -> new ArrayList<>())
            .add(window);
      }
    }
    return new OfficeHours(zone, weekly, closed, exceptions);
  }

  public ZoneId zone() {
    return zone;
  }

  /** Whether the office is open at {@code at}. */
  public boolean isOpenAt(Instant at) {
    LocalDateTime local = at.atZone(zone).toLocalDateTime();
    LocalDate today = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (exceptions.containsKey(today)) {
      return exceptions.get(today).stream()
          .anyMatch(w -> !time.isBefore(w.from()) && time.isBefore(w.to()));
    }
    if (weekly.isEmpty()) {
      return !closed.contains(today);
    }
    // today's windows, and yesterday's that wrapped past midnight (each belongs to the day it
    // starts)
    boolean fromToday =
        !closed.contains(today)
            && weekly.getOrDefault(today.getDayOfWeek(), List.of()).stream()
                .anyMatch(w -> !time.isBefore(w.from()) && (w.wraps() || time.isBefore(w.to())));
    LocalDate yesterday = today.minusDays(1);
    boolean fromYesterday =
        !closed.contains(yesterday)
            && !exceptions.containsKey(yesterday)
            && weekly.getOrDefault(yesterday.getDayOfWeek(), List.of()).stream()
                .anyMatch(w -> w.wraps() && time.isBefore(w.to()));
    return fromToday || fromYesterday;
  }

  /** Whether the office is open at the local {@code dateTime} of its zone (for tests and docs). */
  public boolean isOpenAtLocal(LocalDateTime dateTime) {
    return isOpenAt(ZonedDateTime.of(dateTime, zone).toInstant());
  }

  private static Window window(String option, String hours) {
    String[] range = hours.split("-");
    if (range.length != 2) {
      throw new IllegalArgumentException(option + ": '" + hours + "' is not HH:mm-HH:mm");
    }
    try {
      LocalTime from = LocalTime.parse(range[0]);
      LocalTime to = range[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(range[1]);
      if (from.equals(to) && !range[1].equals("24:00")) {
        throw new IllegalArgumentException(option + ": '" + hours + "' is empty");
      }
      return new Window(from, to);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + ": '" + hours + "' is not HH:mm-HH:mm");
    }
  }

  private static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a date (yyyy-MM-dd)");
    }
  }

  private static Set<DayOfWeek> days(String spec) {
    try {
      return WeekDays.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("_office_hours: " + e.getMessage());
    }
  }
}
