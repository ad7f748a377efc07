package io.callflow.storage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageTtlTest {

  @Test
  void acceptsOneSecondToThirtyDays() {
    assertEquals(Duration.ofSeconds(1), StorageTtl.parse("1").duration());
    assertEquals(Duration.ofSeconds(3600), StorageTtl.parse("3600").duration());
    assertEquals(Duration.ofDays(30), StorageTtl.parse("2592000").duration());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-1", "2592001", "abc", "", " 5", "+5", "5.0", "1e3", "99999999999999999999"})
  void refusesAnythingElse(String ttl) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> StorageTtl.parse(ttl));
    assertEquals(StorageTtl.RULE, refused.getMessage());
  }

  @Test
  void refusesNoTtlAndFractionsOfSeconds() {
    assertThrows(IllegalArgumentException.class, () -> StorageTtl.parse(null));
    assertThrows(IllegalArgumentException.class, () -> new StorageTtl(Duration.ofMillis(1500)));
    assertThrows(IllegalArgumentException.class, () -> new StorageTtl(Duration.ofSeconds(-5)));
  }
}
