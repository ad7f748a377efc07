package io.callflow.service.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.Lifecycle;
import io.callflow.service.entity.Move;
import io.callflow.service.entity.MoveRefused;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoveRefusedMapperTest {

  @Test
  void aMoveTheFlowDoesNotAllowIsA409NamingTheRequestAndTheState() {
    ProblemException problem =
        MoveRefusedMapper.problem(
            new MoveRefused("i-1", Lifecycle.QUEUED_INBOUND, InstanceState.CONNECTED, Move.SNOOZE));

    assertEquals(409, problem.statusCode());
    assertEquals("CONFLICT", problem.phrase());
    assertEquals("Conflict", problem.gmsException());
    assertEquals(
        "request: service instance i-1 (QUEUED_INBOUND) cannot snooze while CONNECTED",
        problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("request", "not possible in state CONNECTED")),
        problem.invalidParams());
    assertEquals(java.util.Optional.empty(), problem.retryAfterSeconds());
  }
}
