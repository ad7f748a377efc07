package io.callflow.service.entity;

import io.callflow.access.entity.Booking;
import java.time.Instant;
import java.util.Optional;

/**
 * The access info an app is given: the number to call, the code to enter (when the pool asks for
 * one), and how long both stay valid.
 */
public record AccessInfo(
    String number, Optional<String> code, long secondsLeft, Instant expiresAt) {

  /** {@code booking}'s access info as it stands at {@code now}. */
  public static AccessInfo of(Booking booking, Instant now) {
    return new AccessInfo(
        booking.number(), booking.accessCode(), booking.secondsLeftAt(now), booking.expiresAt());
  }
}
