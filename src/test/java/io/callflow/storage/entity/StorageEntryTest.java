package io.callflow.storage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageEntryTest {

  private static final Instant STORED = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void expiresExactlyWhenItsTtlIsUp() {
    StorageEntry entry = entry(null, 30);

    assertEquals(STORED.plusSeconds(30), entry.expiresAt());
    assertFalse(entry.isExpiredAt(STORED));
    assertFalse(entry.isExpiredAt(STORED.plusSeconds(30).minusNanos(1)));
    assertTrue(entry.isExpiredAt(STORED.plusSeconds(30)));
    assertTrue(entry.isExpiredAt(STORED.plusSeconds(31)));
  }

  @Test
  void entryWithoutGmsUserIsVisibleToEveryone() {
    StorageEntry entry = entry(null, 30);

    assertTrue(entry.isVisibleTo(null));
    assertTrue(entry.isVisibleTo("alice"));
    assertEquals(Optional.empty(), entry.gmsUser());
  }

  @Test
  void entryWithGmsUserIsVisibleToThatUserOnly() {
    StorageEntry entry = entry("alice", 30);

    assertTrue(entry.isVisibleTo("alice"));
    assertFalse(entry.isVisibleTo("bob"));
    assertFalse(entry.isVisibleTo("Alice"));
    assertFalse(entry.isVisibleTo(null));
  }

  @Test
  void answersItsDataAndSingleValues() {
    StorageEntry entry = entry(null, 30);

    assertEquals(Map.of("first_name", "Ada", "topic", "billing"), entry.data());
    assertEquals(Optional.of("Ada"), entry.value("first_name"));
    assertEquals(Optional.empty(), entry.value("last_name"));
    assertThrows(UnsupportedOperationException.class, () -> entry.data().put("x", "y"));
  }

  @Test
  void refusesAGmsUserTheTableCannotKeep() {
    String tooLong = "u".repeat(StorageEntry.MAX_GMS_USER_LENGTH + 1);
    assertThrows(IllegalArgumentException.class, () -> entry(tooLong, 30));
  }

  private static StorageEntry entry(String gmsUser, long ttlSeconds) {
    return new StorageEntry(
        "3f1c2d9e-0000-4000-8000-000000000001",
        new AppData(Map.of("first_name", "Ada", "topic", "billing")),
        StorageTtl.ofSeconds(ttlSeconds),
        gmsUser,
        STORED);
  }
}
