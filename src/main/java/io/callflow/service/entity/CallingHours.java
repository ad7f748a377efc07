package io.callflow.service.entity;

import io.callflow.platform.time.WeekDays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a customer may be called, in their local time: rules such as {@code "Mon-Fri 09:00-20:00;
 * Sat 10:00-14:00"} (days optional: every day). Local times are read in the customer's zone, so
 * daylight-saving changes move the instants, never the local hours; a customer whose zone is not
 * known exactly (a region with several zones) may be called only when it is open in all of them. No
 * rules: always open.
 */
public final class CallingHours {

  /** {@code days} from {@code from} (inclusive) to {@code to} (exclusive), one local day. */
  record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    boolean contains(ZonedDateTime local) {
      LocalTime time = local.toLocalTime();
      return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }
  }

  public static final CallingHours ALWAYS = new CallingHours(List.of());

  /** Days to look ahead for an opening: a week of rules, plus slack for DST. */
  private static final int DAYS_AHEAD = 8;

  /** Rounds of "move to the latest next opening among closed zones" before giving up. */
  private static final int ROUNDS = 32;

  private final List<Window> windows;

  private CallingHours(List<Window> windows) {
    this.windows = List.copyOf(windows);
  }

  /** Reads {@code spec}; an invalid one throws with the reason (see {@link #problemWith}). */
  public static CallingHours parse(String spec) {
    List<Window> windows = new ArrayList<>();
    for (String rule : spec.split(";")) {
      if (!rule.isBlank()) {
        windows.add(window(rule.strip()));
      }
    }
    if (windows.isEmpty()) {
      throw new IllegalArgumentException(
          "no rule; write e.g. 'Mon-Fri 09:00-20:00; Sat 10:00-14:00'");
    }
    return new CallingHours(windows);
  }

  /** Why {@code spec} is not valid calling hours, or empty. */
  public static Optional<String> problemWith(String spec) {
    try {
      parse(spec);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  public boolean isAlways() {
    return windows.isEmpty();
  }

  /** Open at {@code at} in every one of {@code zones}. */
  public boolean isOpenAt(Instant at, Collection<ZoneId> zones) {
    return isAlways() || zones.stream().allMatch(zone -> isOpen(at.atZone(zone)));
  }

  /** The first instant from {@code from} on that is open in every zone; empty if none in a week. */
  public Optional<Instant> nextOpening(Instant from, Collection<ZoneId> zones) {
    Instant candidate = from;
    for (int round = 0; round < ROUNDS; round++) {
      if (isOpenAt(candidate, zones)) {
        return Optional.of(candidate);
      }
      Instant latest = candidate;
      for (ZoneId zone : zones) {
        if (!isOpen(candidate.atZone(zone))) {
          Optional<Instant> opening = nextOpeningIn(candidate, zone);
          if (opening.isEmpty()) {
            return Optional.empty();
          }
          if (opening.get().isAfter(latest)) {
            latest = opening.get();
          }
        }
      }
      if (!latest.isAfter(candidate)
          || latest.isAfter(from.plus(java.time.Duration.ofDays(DAYS_AHEAD)))) {
        return Optional.empty();
      }
      candidate = latest;
    }
    return Optional.empty();
  }

  private boolean isOpen(ZonedDateTime local) {
    return isAlways() || windows.stream().anyMatch(window -> window.contains(local));
  }

  /** The start of the next window in {@code zone} after {@code after}. */
  private Optional<Instant> nextOpeningIn(Instant after, ZoneId zone) {
    LocalDate day = after.atZone(zone).toLocalDate();
    Optional<Instant> best = Optional.empty();
    for (int ahead = 0; ahead <= DAYS_AHEAD; ahead++) {
      LocalDate date = day.plusDays(ahead);
      for (Window window : windows) {
        if (!window.days().contains(date.getDayOfWeek())) {
          continue;
        }
        // in a spring-forward gap ZonedDateTime moves the time later by the gap, still a local
        // opening
        Instant start = ZonedDateTime.of(date, window.from(), zone).toInstant();
        if (start.isAfter(after) && best.map(start::isBefore).orElse(true)) {
          best = Optional.of(start);
        }
      }
      if (best.isPresent()) {
        return best;
      }
    }
    return best;
  }

  private static Window window(String rule) {
    String[] parts = rule.split("\\s+");
    if (parts.length > 2) {
      throw new IllegalArgumentException("'" + rule + "' is not '[days] HH:mm-HH:mm'");
    }
    Set<DayOfWeek> days = parts.length == 2 ? days(parts[0]) : EnumSet.allOf(DayOfWeek.class);
    String[] hours = parts[parts.length - 1].split("-");
    if (hours.length != 2) {
      throw new IllegalArgumentException("'" + parts[parts.length - 1] + "' is not HH:mm-HH:mm");
    }
    try {
      LocalTime from = LocalTime.parse(hours[0]);
      LocalTime to = hours[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(hours[1]);
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException(
            "'" + parts[parts.length - 1] + "' ends before it starts (split it at midnight)");
      }
      return new Window(days, from, to);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + parts[parts.length - 1] + "' is not HH:mm-HH:mm");
    }
  }

  private static Set<DayOfWeek> days(String spec) {
    return WeekDays.parse(spec);
  }
}
