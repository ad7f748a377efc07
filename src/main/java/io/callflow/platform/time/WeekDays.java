package io.callflow.platform.time;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Days of the week as operators write them in hours rules: {@code Mon}, {@code Mon-Fri}, {@code
 * Sat,Sun}.
 */
public final class WeekDays {

  private WeekDays() {}

  /** The days {@code spec} names; a wrong one throws saying which. Ranges may wrap (Fri-Mon). */
  public static Set<DayOfWeek> parse(String spec) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : spec.split(",")) {
      String[] range = part.split("-");
      if (range.length > 2) {
        throw new IllegalArgumentException("'" + part + "' is not a day or a range of days");
      }
      DayOfWeek first = day(range[0]);
      DayOfWeek last = day(range[range.length - 1]);
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        days.add(d);
        if (d == last) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
  }
}
