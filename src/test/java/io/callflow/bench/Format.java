package io.callflow.bench;

import java.time.Duration;
import java.util.Locale;

/** How figures are written in the report: three significant digits, units spelled out. */
final class Format {

  private Format() {}

  static String rate(double perSecond) {
    if (Double.isNaN(perSecond)) {
      return "—";
    }
    return perSecond >= 100
        ? String.format(Locale.ROOT, "%,.0f", perSecond)
        : String.format(Locale.ROOT, "%.3g", perSecond);
  }

  /** Microseconds as milliseconds. */
  static String ms(long micros) {
    return micros == 0 ? "—" : millis(micros / 1000.0);
  }

  static String millis(double ms) {
    if (Double.isNaN(ms) || Double.isInfinite(ms)) {
      return "—";
    }
    if (Math.abs(ms) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", ms);
    }
    if (Math.abs(ms) < 0.001) {
      return "0";
    }
    return String.format(Locale.ROOT, "%.3g", ms);
  }

  static String ratio(double value, double ceiling) {
    if (ceiling == 0 || Double.isNaN(value)) {
      return "—";
    }
    double r = value / ceiling;
    return r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.2g", r);
  }

  static String count(double n) {
    if (Double.isNaN(n)) {
      return "—";
    }
    return Math.abs(n) >= 10
        ? String.format(Locale.ROOT, "%.0f", n)
        : String.format(Locale.ROOT, "%.2f", n);
  }

  static String clock(Duration elapsed) {
    long s = elapsed.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
