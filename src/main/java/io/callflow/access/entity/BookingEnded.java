package io.callflow.access.entity;

import java.time.Instant;

/**
 * Fired (CDI, synchronously, inside the transaction that ended the booking) so the instance that
 * held the booking can follow, without this feature knowing about instances.
 */
public record BookingEnded(
    String bookingId, String serviceId, String number, Booking.EndReason reason, Instant at) {}
