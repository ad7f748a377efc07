package io.callflow.service.control;

import io.callflow.access.entity.Booking;
import java.time.Instant;
import java.util.Map;

/** The access-info members of GMS answers, every value a string as GMS clients read them. */
final class AccessAnswer {

  private AccessAnswer() {}

  static void addTo(Map<String, String> answer, Booking booking, Instant now) {
    answer.put("_access_number", booking.number());
    booking.accessCode().ifPresent(code -> answer.put("_access_code", code));
    answer.put("_expiration_time", String.valueOf(booking.secondsLeftAt(now)));
    answer.put("_expires_at", booking.expiresAt().toString());
  }
}
