package io.callflow.storage.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callflow.platform.rest.ProblemException;
import io.callflow.storage.entity.AppData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageResourceTest {

  @Test
  void badTtlIsABadParameterNamedTtl() {
    ProblemException problem = assertThrows(ProblemException.class, () -> StorageResource.ttl("0"));

    assertEquals(400, problem.statusCode());
    assertEquals(List.of("ttl"), problem.invalidParams().stream().map(p -> p.name()).toList());
    assertEquals("ttl: must be a whole number of seconds from 1 to 2592000", problem.getMessage());
  }

  @Test
  void goodTtlPassesThrough() {
    assertEquals(Duration.ofSeconds(60), StorageResource.ttl("60").duration());
  }

  @Test
  void tooMuchAppDataIsA413NamingTheBody() {
    AppData data = new AppData(Map.of("k", "x".repeat(AppData.MAX_BYTES)));
    ProblemException problem = StorageResource.tooLarge(data);

    assertEquals(413, problem.statusCode());
    assertEquals("body", problem.invalidParams().get(0).name());
    assertEquals("body: app data of 65537 bytes is larger than 65536", problem.getMessage());
  }

  @Test
  void blankGmsUserHeaderNamesNobody() {
    assertNull(StorageResource.owner(null));
    assertNull(StorageResource.owner(""));
    assertNull(StorageResource.owner("  "));
    assertEquals("alice", StorageResource.owner("alice"));
  }
}
