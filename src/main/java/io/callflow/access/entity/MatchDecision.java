package io.callflow.access.entity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The match decision table for a DNIS that is a pool number: given the pool's allocation, the live
 * bookings on the number and what the call carries (ANI, access code), which booking — if any — the
 * call belongs to. Pure, so every row is testable without a server.
 */
public final class MatchDecision {

  /** What a call matched. */
  public sealed interface Outcome permits Matched, NoMatch, Ambiguous {}

  public record Matched(Booking booking, boolean aniDiffers) implements Outcome {}

  public record NoMatch(String reason) implements Outcome {}

  /** A shared number with neither ANI nor code: the seed's "DNIS only — no match is done". */
  public record Ambiguous(String reason) implements Outcome {}

  private MatchDecision() {}

  /**
   * @param live the live bookings on the dialled number
   * @param ani the caller's number in E.164, if presented
   * @param code the access code the caller entered, if any
   */
  public static Outcome decide(
      Allocation allocation, List<Booking> live, Optional<String> ani, Optional<String> code) {
    if (allocation == Allocation.LOCKING) {
      Optional<Booking> booking = live.stream().findFirst();
      if (booking.isEmpty()) {
        return new NoMatch("no live booking on this number");
      }
      if (code.isPresent()) {
        return code.equals(booking.get().accessCode())
            ? new Matched(booking.get(), false)
            : new NoMatch("access code does not match the booking");
      }
      boolean aniDiffers =
          ani.isPresent()
              && booking.get().phoneNumber().isPresent()
              && !ani.equals(booking.get().phoneNumber());
      return new Matched(booking.get(), aniDiffers);
    }
    if (code.isPresent()) {
      return newest(live.stream().filter(b -> code.equals(b.accessCode())).toList())
          .<Outcome>map(b -> new Matched(b, false))
          .orElse(new NoMatch("no live booking on this number has that access code"));
    }
    if (ani.isPresent()) {
      return newest(live.stream().filter(b -> ani.equals(b.phoneNumber())).toList())
          .<Outcome>map(b -> new Matched(b, false))
          .orElse(new NoMatch("no live booking on this number for that caller"));
    }
    return new Ambiguous(
        "a shared number needs the caller's _phone_number or _access_code to match");
  }

  private static Optional<Booking> newest(List<Booking> bookings) {
    return bookings.stream().max(Comparator.comparing(Booking::bookedAt));
  }
}
