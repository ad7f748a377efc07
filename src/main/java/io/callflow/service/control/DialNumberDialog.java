package io.callflow.service.control;

import io.callflow.access.entity.Booking;
import java.time.Instant;
import java.util.Map;

/**
 * GMS's DialNumber dialog: the app dials {@code _tel_url}, where an access code follows pauses
 * ({@code tel:+18005550100,,,123456}) so the phone sends it once the call connects.
 */
final class DialNumberDialog {

  static final String ACTION = "DialNumber";

  private DialNumberDialog() {}

  static void addTo(Map<String, String> answer, Booking booking, Instant now) {
    answer.put("_action", ACTION);
    answer.put(
        "_tel_url",
        "tel:" + booking.number() + booking.accessCode().map(code -> ",,," + code).orElse(""));
    AccessAnswer.addTo(answer, booking, now);
    answer.put("_label", "Call now");
  }
}
