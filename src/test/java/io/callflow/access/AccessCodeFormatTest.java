package io.callflow.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.access.entity.AccessCodeFormat;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessCodeFormatTest {

  private final Random random = new Random(42);

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 6, 8, 10})
  void codesHaveTheRequestedLengthAndOnlyDigits(int length) {
    AccessCodeFormat format = AccessCodeFormat.withPrefix("");
    for (int i = 0; i < 500; i++) {
      String code = format.generate(length, random);
      assertEquals(length, code.length(), code);
      assertTrue(code.matches("[0-9]+"), code);
    }
  }

  @Test
  void fixedPrefixStartsEveryCode() {
    AccessCodeFormat format = AccessCodeFormat.withPrefix("9");
    for (int i = 0; i < 200; i++) {
      assertTrue(format.generate(6, random).startsWith("9"));
    }
  }

  @Test
  void rangePrefixUsesEveryDigitOfTheRangeAndNoOther() {
    AccessCodeFormat format = AccessCodeFormat.withPrefix("7-9");
    Set<Character> first = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      first.add(format.generate(4, random).charAt(0));
    }
    assertEquals(Set.of('7', '8', '9'), first);
  }

  @Test
  void lengthsOutsideFourToTenOrNotLongerThanThePrefixAreRefused() {
    assertTrue(AccessCodeFormat.withPrefix("").problemWithLength(3).isPresent());
    assertTrue(AccessCodeFormat.withPrefix("").problemWithLength(11).isPresent());
    assertTrue(AccessCodeFormat.withPrefix("99999").problemWithLength(5).isPresent());
    assertTrue(AccessCodeFormat.withPrefix("99999").problemWithLength(6).isEmpty());
  }

  @Test
  void capacityCountsWhatThePrefixLeaves() {
    assertEquals(10_000, AccessCodeFormat.withPrefix("").capacity(4));
    assertEquals(1_000, AccessCodeFormat.withPrefix("9").capacity(4));
    assertEquals(3_000, AccessCodeFormat.withPrefix("7-9").capacity(4));
  }

  @Test
  void malformedPrefixesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> AccessCodeFormat.withPrefix("9-7"));
    assertThrows(IllegalArgumentException.class, () -> AccessCodeFormat.withPrefix("a1"));
  }
}
