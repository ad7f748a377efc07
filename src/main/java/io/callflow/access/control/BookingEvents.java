package io.callflow.access.control;

import io.callflow.access.entity.Booking;
import io.callflow.access.entity.BookingEnded;
import io.callflow.platform.domain.Ids;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * Announces bookings: on the events topic (in the caller's transaction, so nothing is announced
 * that rolls back) and, for ended bookings, to the instance that held it.
 */
@ApplicationScoped
public class BookingEvents {

  public static final String BOOKED = "AccessNumberBooked";
  public static final String RELEASED = "AccessNumberReleased";

  @Inject MessageSender sender;
  @Inject Event<BookingEnded> ended;

  void booked(Booking booking) {
    JsonObjectBuilder event =
        common(booking, booking.bookedAt()).add("expiresAt", booking.expiresAt().toString());
    booking.accessCode().ifPresent(code -> event.add("accessCode", code));
    sender.publish(Destinations.EVENTS, BOOKED, event.build().toString());
  }

  void ended(Booking booking, Instant at) {
    Booking.EndReason reason = booking.endReason().orElseThrow();
    sender.publish(
        Destinations.EVENTS,
        RELEASED,
        common(booking, at).add("reason", reason.name()).build().toString());
    ended.fire(new BookingEnded(booking.id(), booking.serviceId(), booking.number(), reason, at));
  }

  private static JsonObjectBuilder common(Booking booking, Instant at) {
    return Jsonp.createObjectBuilder()
        .add("eventId", Ids.internal())
        .add("serviceId", booking.serviceId())
        .add("bookingId", booking.id())
        .add("accessNumber", booking.number())
        .add("pool", booking.poolName())
        .add("at", at.toString());
  }
}
