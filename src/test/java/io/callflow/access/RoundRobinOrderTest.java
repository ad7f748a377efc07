package io.callflow.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.access.entity.Allocation;
import io.callflow.access.entity.Choice;
import io.callflow.access.entity.Pool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundRobinOrderTest {

  private static final List<String> SORTED = List.of("+1001", "+1002", "+1003");

  private static Pool pool() {
    return new Pool("RR", Allocation.SHARED, Choice.ROUND_ROBIN, Duration.ofSeconds(30), null);
  }

  @Test
  void startsAtTheFirstNumberBeforeAnythingWasHandedOut() {
    assertEquals(SORTED, pool().inRoundRobinOrder(SORTED));
  }

  @Test
  void continuesAfterTheNumberHandedOutLastAndWrapsAround() {
    Pool pool = pool();
    pool.handedOut("+1001");
    assertEquals(List.of("+1002", "+1003", "+1001"), pool.inRoundRobinOrder(SORTED));
    pool.handedOut("+1003");
    assertEquals(SORTED, pool.inRoundRobinOrder(SORTED));
    pool.handedOut("+10025"); // since removed: continue with the next that exists
    assertEquals(List.of("+1003", "+1001", "+1002"), pool.inRoundRobinOrder(SORTED));
  }
}
