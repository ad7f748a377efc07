package io.callflow.storage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDataTest {

  @Test
  void jsonRoundTripKeepsValuesAndOrder() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("zeta", "last letter");
    values.put("alpha", "quote \" backslash \\ newline \n");
    values.put("città", "naïve – ✓");
    values.put("empty", "");

    AppData read = AppData.fromJson(new AppData(values).toJson());

    assertEquals(values, read.values());
    assertEquals(List.of("zeta", "alpha", "città", "empty"), List.copyOf(read.values().keySet()));
  }

  @Test
  void writesAJsonObjectOfStrings() {
    assertEquals("{\"count\":\"3\"}", new AppData(Map.of("count", "3")).toJson());
  }

  @Test
  void readsScalarsOfAHandEditedRowAsText() {
    AppData read = AppData.fromJson("{\"n\":42,\"ok\":true}");
    assertEquals(Map.of("n", "42", "ok", "true"), read.values());
  }

  @Test
  void refusesJsonThatIsNotAnObjectOfScalars() {
    assertThrows(IllegalArgumentException.class, () -> AppData.fromJson("[\"a\"]"));
    assertThrows(IllegalArgumentException.class, () -> AppData.fromJson("{\"a\":{\"b\":\"c\"}}"));
    assertThrows(IllegalArgumentException.class, () -> AppData.fromJson("{\"a\":null}"));
  }

  @Test
  void valuesCannotBeChanged() {
    Map<String, String> source = new LinkedHashMap<>(Map.of("a", "1"));
    AppData data = new AppData(source);
    source.put("b", "2");

    assertEquals(Map.of("a", "1"), data.values());
    assertThrows(UnsupportedOperationException.class, () -> data.values().put("c", "3"));
  }

  @Test
  void sizeCountsUtf8BytesOfKeysAndValues() {
    assertEquals(0, new AppData(Map.of()).sizeInBytes());
    assertEquals(3, new AppData(Map.of("ab", "c")).sizeInBytes());
    // é is two bytes, € three
    assertEquals(5, new AppData(Map.of("é", "€")).sizeInBytes());
  }

  @Test
  void sixtyFourKilobytesFitOneMoreByteDoesNot() {
    String key = "k";
    String fits = "x".repeat(AppData.MAX_BYTES - key.length());
    assertTrue(new AppData(Map.of(key, fits)).isWithinLimit());
    assertFalse(new AppData(Map.of(key, fits + "x")).isWithinLimit());
    // the same limit counted in bytes, not characters
    assertFalse(new AppData(Map.of(key, "é".repeat(AppData.MAX_BYTES / 2))).isWithinLimit());
  }
}
