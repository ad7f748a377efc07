package io.callflow.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.access.entity.Allocation;
import io.callflow.access.entity.Booking;
import io.callflow.access.entity.Choice;
import io.callflow.access.entity.MatchDecision;
import io.callflow.access.entity.MatchDecision.Matched;
import io.callflow.access.entity.Pool;
import io.callflow.access.entity.PoolSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every row of the match decision table for pool numbers (spec §4). */
class MatchDecisionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Pool LOCKING =
      new Pool("L", Allocation.LOCKING, Choice.RANDOM, Duration.ofSeconds(30), null);
  private static final Pool SHARED =
      new Pool("S", Allocation.SHARED, Choice.RANDOM, Duration.ofSeconds(30), null);

  private static Booking booking(
      Pool pool, String service, String phone, String code, int secondsAfterT0) {
    return new Booking(
        service + "-b",
        PoolSettings.of(pool),
        "+18005550100",
        service,
        phone,
        code,
        T0.plusSeconds(secondsAfterT0),
        Duration.ofSeconds(30));
  }

  @Test
  void lockingWithCodeMatchesOnlyTheBookedCode() {
    List<Booking> live = List.of(booking(LOCKING, "a", "+15550001111", "1234", 0));
    assertInstanceOf(
        Matched.class,
        MatchDecision.decide(Allocation.LOCKING, live, Optional.empty(), Optional.of("1234")));
    assertInstanceOf(
        MatchDecision.NoMatch.class,
        MatchDecision.decide(Allocation.LOCKING, live, Optional.empty(), Optional.of("9999")));
  }

  @Test
  void lockingNumberAloneIdentifiesTheBookingEvenWithAnotherAni() {
    List<Booking> live = List.of(booking(LOCKING, "a", "+15550001111", null, 0));
    Matched none =
        (Matched)
            MatchDecision.decide(Allocation.LOCKING, live, Optional.empty(), Optional.empty());
    assertEquals("a", none.booking().serviceId());
    assertFalse(none.aniDiffers());
    Matched other =
        (Matched)
            MatchDecision.decide(
                Allocation.LOCKING, live, Optional.of("+15559999999"), Optional.empty());
    assertEquals("a", other.booking().serviceId());
    assertTrue(other.aniDiffers());
  }

  @Test
  void lockingWithoutLiveBookingIsNoMatch() {
    assertInstanceOf(
        MatchDecision.NoMatch.class,
        MatchDecision.decide(
            Allocation.LOCKING, List.of(), Optional.of("+15550001111"), Optional.empty()));
  }

  @Test
  void sharedWithCodePicksTheBookingWithThatCode() {
    List<Booking> live =
        List.of(booking(SHARED, "a", null, "1111", 0), booking(SHARED, "b", null, "2222", 1));
    Matched matched =
        (Matched)
            MatchDecision.decide(Allocation.SHARED, live, Optional.empty(), Optional.of("2222"));
    assertEquals("b", matched.booking().serviceId());
    assertInstanceOf(
        MatchDecision.NoMatch.class,
        MatchDecision.decide(Allocation.SHARED, live, Optional.empty(), Optional.of("3333")));
  }

  @Test
  void sharedWithAniPicksThatCallersNewestBooking() {
    List<Booking> live =
        List.of(
            booking(SHARED, "a", "+15550001111", null, 0),
            booking(SHARED, "b", "+15550002222", null, 1),
            booking(SHARED, "c", "+15550001111", null, 2));
    Matched matched =
        (Matched)
            MatchDecision.decide(
                Allocation.SHARED, live, Optional.of("+15550001111"), Optional.empty());
    assertEquals("c", matched.booking().serviceId());
    assertInstanceOf(
        MatchDecision.NoMatch.class,
        MatchDecision.decide(
            Allocation.SHARED, live, Optional.of("+15550003333"), Optional.empty()));
  }

  @Test
  void sharedWithNothingElseIsAmbiguousNeverAGuess() {
    List<Booking> live = List.of(booking(SHARED, "a", "+15550001111", "1111", 0));
    assertInstanceOf(
        MatchDecision.Ambiguous.class,
        MatchDecision.decide(Allocation.SHARED, live, Optional.empty(), Optional.empty()));
  }
}
