package io.callflow.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.routing.entity.Ewt;
import io.callflow.routing.entity.HandleTime;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EwtTest {

  private static final Duration THREE_MINUTES = Duration.ofSeconds(180);

  @ParameterizedTest(name = "position {0}, {1} logged in, {2} ready → {3} s")
  @CsvSource({
    "1, 3, 1, 0", // an agent is ready for the next customer
    "2, 3, 2, 0",
    "2, 3, 1, 90", // one round of busy agents: half a handle time
    "4, 3, 1, 90",
    "5, 3, 1, 270", // second round
    "1, 1, 0, 90",
    "3, 1, 0, 450"
  })
  void formula(int position, int loggedIn, int ready, long seconds) {
    assertEquals(seconds, Ewt.estimate(position, loggedIn, ready, THREE_MINUTES).seconds());
  }

  @Test
  void withoutAgentsTheEstimateIsPessimisticAndSaysSo() {
    Ewt ewt = Ewt.estimate(2, 0, 0, THREE_MINUTES);
    assertEquals(360, ewt.seconds());
    assertFalse(ewt.agentsLoggedIn());
  }

  @Test
  void waitNeverShrinksFurtherBackInTheQueue() {
    Random random = new Random(7);
    for (int trial = 0; trial < 1000; trial++) {
      int loggedIn = random.nextInt(6);
      int ready = loggedIn == 0 ? 0 : random.nextInt(loggedIn + 1);
      Duration handle = Duration.ofSeconds(1 + random.nextInt(600));
      long previous = -1;
      for (int position = 1; position <= 30; position++) {
        long seconds = Ewt.estimate(position, loggedIn, ready, handle).seconds();
        assertTrue(
            seconds >= previous && seconds >= 0,
            "position " + position + ": " + seconds + " < " + previous);
        previous = seconds;
      }
    }
  }

  @Test
  void impossibleInputsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Ewt.estimate(0, 1, 0, THREE_MINUTES));
    assertThrows(IllegalArgumentException.class, () -> Ewt.estimate(1, 1, 2, THREE_MINUTES));
  }

  @Test
  void handleTimeMovesAFifthOfTheWayTowardsEachNewCall() {
    HandleTime start = HandleTime.startingAt(THREE_MINUTES);
    assertEquals(THREE_MINUTES, start.average());
    HandleTime first = start.with(Duration.ofSeconds(100));
    assertEquals(Duration.ofSeconds(100), first.average(), "the first report replaces the default");
    HandleTime second = first.with(Duration.ofSeconds(200));
    assertEquals(Duration.ofSeconds(120), second.average());
    assertEquals(2, second.samples());
    assertThrows(IllegalArgumentException.class, () -> second.with(Duration.ofSeconds(-1)));
  }
}
