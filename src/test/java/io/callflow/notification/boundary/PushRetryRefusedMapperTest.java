package io.callflow.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.notification.control.PushRetryRefused;
import io.callflow.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

class PushRetryRefusedMapperTest {

  @Test
  void noSuchPushGivenUpIsA404AndOneThatCannotGoAgainA409() {
    ProblemException missing =
        PushRetryRefusedMapper.problem(PushRetryRefused.missing("e-1", "s-1"));
    assertEquals(404, missing.statusCode());
    assertEquals("no push e-1 given up for subscription s-1", missing.getMessage());

    ProblemException ended =
        PushRetryRefusedMapper.problem(PushRetryRefused.impossible("subscription s-1 has ended"));
    assertEquals(409, ended.statusCode());
    assertEquals("Conflict", ended.gmsException());
    assertEquals("subscription s-1 has ended", ended.getMessage());
  }
}
