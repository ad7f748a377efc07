package io.callflow.console.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangBTest {

  @Test
  void oneNumberBlocksInProportionToItsLoad() {
    // B(1, A) = A / (1 + A)
    assertEquals(0.5, ErlangB.blocking(1, 1.0), 1e-12);
    assertEquals(0.2 / 1.2, ErlangB.blocking(1, 0.2), 1e-12);
  }

  @Test
  void withoutNumbersEveryBookingIsRefused() {
    assertEquals(1.0, ErlangB.blocking(0, 3.0), 0);
  }

  /** Values from the published Erlang B tables. */
  @ParameterizedTest
  @CsvSource({
    "1.0, 0.01, 5",
    "1.0, 0.001, 6",
    "10.0, 0.01, 18",
    "10.0, 0.001, 21",
    "100.0, 0.01, 117",
    "0.01, 0.01, 1"
  })
  void numbersForATargetMatchTheTables(double erlangs, double target, int numbers) {
    assertEquals(numbers, ErlangB.numbersFor(erlangs, target));
    assertTrue(ErlangB.blocking(numbers, erlangs) <= target);
    assertTrue(ErlangB.blocking(numbers - 1, erlangs) > target);
  }

  @Test
  void noLoadNeedsNoNumbers() {
    assertEquals(0, ErlangB.numbersFor(0, 0.01));
  }

  @Test
  void moreNumbersNeverBlockMore() {
    double previous = 1.0;
    for (int n = 0; n < 50; n++) {
      double b = ErlangB.blocking(n, 12.5);
      assertTrue(b <= previous, "B(" + n + ")");
      previous = b;
    }
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ErlangB.blocking(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> ErlangB.numbersFor(1, 0));
    assertThrows(IllegalArgumentException.class, () -> ErlangB.numbersFor(1, 1));
  }
}
