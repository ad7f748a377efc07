package io.callflow.routing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WaitingLineTest {

  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void everyoneInTheLineStandsAtTheirIndex() {
    WaitingLine line = line(place(0, "c"), place(1, "a"), place(2, "b"));

    assertEquals(new WaitingLine.Standing(0, 3), line.standingOf(entry(0, "c")));
    assertEquals(new WaitingLine.Standing(1, 3), line.standingOf(entry(1, "a")));
    assertEquals(new WaitingLine.Standing(2, 3), line.standingOf(entry(2, "b")));
  }

  @Test
  void aCustomerTheLineDoesNotHoldYetCountsOnce() {
    WaitingLine line = line(place(0, "a"), place(5, "b"));

    assertEquals(new WaitingLine.Standing(2, 3), line.standingOf(entry(9, "new")));
    assertEquals(new WaitingLine.Standing(1, 3), line.standingOf(entry(3, "new")));
    assertEquals(
        new WaitingLine.Standing(0, 3),
        line.standingOf(entry(-1, "scheduled-earlier")),
        "a customer who joins before everyone is next");
  }

  @Test
  void aCustomerWithAnAgentIsNotCountedAsWaiting() {
    WaitingLine line = line(place(0, "a"), place(1, "b"), place(2, "c"));
    QueueEntry reserved = entry(1, "b");
    reserved.reserve("agent-1", T);

    assertEquals(new WaitingLine.Standing(0, 2), line.standingOf(reserved));
    QueueEntry other = entry(7, "z");
    other.reserve("agent-2", T);
    assertEquals(new WaitingLine.Standing(0, 3), line.standingOf(other));
  }

  @Test
  void theLineComparesAtTheDatabasesPrecision() {
    WaitingLine line = line(place(0, "a"), place(0, "c"));
    Instant sameMicrosecond = T.plusNanos(999);

    QueueEntry between =
        new QueueEntry("b", "q", sameMicrosecond, Duration.ofSeconds(30), Duration.ofHours(1));
    assertEquals(new WaitingLine.Standing(1, 3), line.standingOf(between));
    QueueEntry known =
        new QueueEntry("c", "q", sameMicrosecond, Duration.ofSeconds(30), Duration.ofHours(1));
    assertEquals(new WaitingLine.Standing(1, 2), line.standingOf(known));
  }

  @Test
  void positionsMatchACountOverTheQueue() {
    Random random = new Random(7);
    List<WaitingLine.Place> places = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      places.add(place(random.nextInt(100), "id-" + random.nextInt(1_000_000)));
    }
    places.sort(
        Comparator.comparing(WaitingLine.Place::since).thenComparing(WaitingLine.Place::serviceId));
    WaitingLine line = WaitingLine.of(0, 0, places);
    for (int i = 0; i < 200; i++) {
      WaitingLine.Place probe =
          random.nextBoolean()
              ? places.get(random.nextInt(places.size()))
              : place(random.nextInt(100), "probe-" + i);
      long ahead =
          places.stream()
              .filter(
                  p ->
                      p.since().isBefore(probe.since())
                          || p.since().equals(probe.since())
                              && p.serviceId().compareTo(probe.serviceId()) < 0)
              .count();
      boolean held = places.contains(probe);
      assertEquals(
          new WaitingLine.Standing((int) ahead, places.size() + (held ? 0 : 1)),
          line.standingOf(entry(probe)),
          probe::toString);
    }
  }

  private static WaitingLine line(WaitingLine.Place... inOrder) {
    return WaitingLine.of(0, 0, List.of(inOrder));
  }

  private static WaitingLine.Place place(int second, String id) {
    return new WaitingLine.Place(T.plusSeconds(second), id);
  }

  private static QueueEntry entry(int second, String id) {
    return entry(place(second, id));
  }

  private static QueueEntry entry(WaitingLine.Place place) {
    return new QueueEntry(
        place.serviceId(), "q", place.since(), Duration.ofSeconds(30), Duration.ofHours(1));
  }
}
