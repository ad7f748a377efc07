package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo seed shipped in server-config/ is what the embedded start promises. */
class DemoSeedFileTest {

  private static final String E164 = "\\+[1-9][0-9]{6,14}";

  @Test
  void seedHasALockingDnisPoolASharedPoolALocatedPoolAndTheDefaultQueue() throws IOException {
    JsonObject seed = read();
    List<JsonObject> pools = seed.getJsonArray("pools").getValuesAs(JsonObject.class);
    JsonObject dnis = pool(pools, "DNIS");
    assertEquals("LOCKING", dnis.getString("allocation"));
    assertEquals(20, dnis.getJsonArray("numbers").size());
    JsonObject shared = pool(pools, "SHARED");
    assertEquals("SHARED", shared.getString("allocation"));
    assertEquals(2, shared.getJsonArray("numbers").size());
    assertTrue(pools.stream().anyMatch(p -> p.containsKey("location")), "a pool with a location");
    assertTrue(
        seed.getJsonArray("queues").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(q -> q.getString("name").equals("default")));
  }

  @Test
  void everySeedNumberIsE164AndInOnePoolOnly() throws IOException {
    Set<String> seen = new HashSet<>();
    for (JsonObject pool : read().getJsonArray("pools").getValuesAs(JsonObject.class)) {
      for (JsonString number : pool.getJsonArray("numbers").getValuesAs(JsonString.class)) {
        assertTrue(number.getString().matches(E164), number.getString());
        assertTrue(seen.add(number.getString()), "twice: " + number.getString());
      }
    }
  }

  private static JsonObject pool(List<JsonObject> pools, String name) {
    return pools.stream()
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no pool " + name));
  }

  private static JsonObject read() throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of("server-config", "seed.json"));
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }
}
