package io.callflow.callback.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.callback.entity.CallbackRefused;
import io.callflow.callback.entity.CallbackSlot;
import io.callflow.callback.entity.CallbackState;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackRefusedMapperTest {

  @Test
  void noRoomAtTheTimeAskedProposesSlotsWithRoom() {
    ProblemException problem =
        CallbackRefusedMapper.problem(
            CallbackRefused.availability(
                "_desired_time",
                "no capacity left at 2026-03-09T14:30:00.000Z",
                List.of(new CallbackSlot(Instant.parse("2026-03-09T14:45:00Z"), 2))));

    assertEquals(400, problem.statusCode());
    assertEquals("BAD_PARAMETER", problem.phrase());
    assertEquals("CallbackExceptionAvailability", problem.gmsException());
    assertEquals(
        "_desired_time: no capacity left at 2026-03-09T14:30:00.000Z", problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("_desired_time", "no capacity left at 2026-03-09T14:30:00.000Z")),
        problem.invalidParams());
    assertEquals(
        "{\"2026-03-09T14:45:00.000Z\":2}", problem.extensions().get("availability").toString());
  }

  @Test
  void numberDuplicateAndResourceRefusalsNameTheirField() {
    ProblemException number =
        CallbackRefusedMapper.problem(
            CallbackRefused.number("_customer_number", "required: the customer's number"));
    assertEquals("CallbackExceptionNumber", number.gmsException());
    assertEquals("_customer_number: required: the customer's number", number.getMessage());

    ProblemException duplicate =
        CallbackRefusedMapper.problem(CallbackRefused.duplicate("+15550001111", 1));
    assertEquals(400, duplicate.statusCode());
    assertEquals("CallbackExceptionDuplicate", duplicate.gmsException());
    assertEquals(
        List.of(
            new InvalidParam(
                "_customer_number", "customer number +15550001111 already has 1 live callback(s)")),
        duplicate.invalidParams());

    ProblemException resource = CallbackRefusedMapper.problem(CallbackRefused.resource("nope"));
    assertEquals("CallbackExceptionResource", resource.gmsException());
    assertEquals("service-name: no callback service named nope", resource.getMessage());
  }

  @Test
  void aThrottledClientHearsA429WithRetryAfter() {
    ProblemException problem =
        CallbackRefusedMapper.problem(CallbackRefused.throttled("service s took 5 callbacks", 60));

    assertEquals(429, problem.statusCode());
    assertEquals("TOO_MANY_REQUESTS", problem.phrase());
    assertEquals("CallbackExceptionThrottle", problem.gmsException());
    assertEquals("service s took 5 callbacks", problem.getMessage());
    assertEquals(List.of(), problem.invalidParams());
    assertEquals(Optional.of(60L), problem.retryAfterSeconds());
  }

  @Test
  void anUnknownCallbackIsA400NotFoundOnItsId() {
    ProblemException problem =
        CallbackRefusedMapper.problem(CallbackRefused.notFound("no callback c-1 of service s"));

    assertEquals(400, problem.statusCode());
    assertEquals("CallbackExceptionNotFound", problem.gmsException());
    assertEquals("no callback c-1 of service s", problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("_id", "no callback c-1 of service s")), problem.invalidParams());
  }

  @Test
  void aCallbackNoLongerWaitingCannotBeMoved() {
    ProblemException problem =
        CallbackRefusedMapper.problem(CallbackRefused.notMovable("c-1", CallbackState.COMPLETED));

    assertEquals(409, problem.statusCode());
    assertEquals("Conflict", problem.gmsException());
    assertEquals("_id: callback c-1 is COMPLETED and can no longer be moved", problem.getMessage());
    assertEquals(List.of(new InvalidParam("_id", "not waiting any more")), problem.invalidParams());
  }
}
