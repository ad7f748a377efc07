package io.callflow.service.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import io.callflow.service.entity.AppDataTooLarge;
import io.callflow.service.entity.IdempotencyKeyReused;
import io.callflow.service.entity.InstanceEnded;
import io.callflow.service.entity.InstanceNotFound;
import io.callflow.service.entity.InstanceState;
import io.callflow.service.entity.MatchAmbiguous;
import io.callflow.service.entity.NoLiveAccess;
import io.callflow.service.entity.NoMatch;
import io.callflow.service.entity.RequestRefused;
import io.callflow.service.entity.RequestUnknown;
import io.callflow.service.entity.ServiceNotFound;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRefusalMapperTest {

  @Test
  void anInstanceNotThereOrNotTheAskersIsA404ServiceNotFound() {
    ProblemException problem = ServiceRefusalMapper.problem(new InstanceNotFound("i-1"));

    assertEquals(404, problem.statusCode());
    assertEquals("NOT_FOUND", problem.phrase());
    assertEquals("ServiceNotFound", problem.gmsException());
    assertEquals("no service instance i-1", problem.getMessage());
    assertEquals(List.of(), problem.invalidParams());
  }

  @Test
  void anInstanceWithoutLiveAccessAndACallWithoutMatchAre404s() {
    assertEquals(
        "service instance i-1 has no live access number",
        ServiceRefusalMapper.problem(new NoLiveAccess("i-1")).getMessage());
    ProblemException noMatch =
        ServiceRefusalMapper.problem(new NoMatch("no match for +18005550100"));
    assertEquals(404, noMatch.statusCode());
    assertEquals("ServiceNotFound", noMatch.gmsException());
    assertEquals("no match for +18005550100", noMatch.getMessage());
  }

  @Test
  void anAmbiguousMatchIsA409AskingForTheCallersNumberOrCode() {
    ProblemException problem =
        ServiceRefusalMapper.problem(new MatchAmbiguous("2 bookings on +18005550100"));

    assertEquals(409, problem.statusCode());
    assertEquals("Conflict", problem.gmsException());
    assertEquals("2 bookings on +18005550100", problem.getMessage());
    assertEquals(
        List.of("_phone_number", "_access_code"),
        problem.invalidParams().stream().map(InvalidParam::name).toList());
  }

  @Test
  void aRequestTheInstanceCannotAnswerNowIsA409NamingItsState() {
    ProblemException problem =
        ServiceRefusalMapper.problem(new RequestRefused("i-1", "confirm", InstanceState.QUEUED));

    assertEquals(409, problem.statusCode());
    assertEquals("request: service instance i-1 cannot confirm while QUEUED", problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("request", "not possible in state QUEUED")),
        problem.invalidParams());
  }

  @Test
  void accessForAnEndedInstanceIsA409OnItsId() {
    ProblemException problem =
        ServiceRefusalMapper.problem(new InstanceEnded("i-1", InstanceState.COMPLETED));

    assertEquals(409, problem.statusCode());
    assertEquals("_id: service instance i-1 has ended (COMPLETED)", problem.getMessage());
    assertEquals(List.of(new InvalidParam("_id", "instance has ended")), problem.invalidParams());
  }

  @Test
  void anUnknownServiceIsA404NamingTheServiceName() {
    ProblemException problem = ServiceRefusalMapper.problem(new ServiceNotFound("nope"));

    assertEquals(404, problem.statusCode());
    assertEquals("ServiceNotFound", problem.gmsException());
    assertEquals("service-name: no service named nope", problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("service-name", "no service named nope")),
        problem.invalidParams());
  }

  @Test
  void anUnknownRequestIsA404RequestNotFound() {
    ProblemException problem = ServiceRefusalMapper.problem(new RequestUnknown("i-1", "dance"));

    assertEquals(404, problem.statusCode());
    assertEquals("RequestNotFound", problem.gmsException());
    assertEquals("request: service instance i-1 does not answer dance", problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("request", "not a request of this instance")),
        problem.invalidParams());
  }

  @Test
  void appDataTooLargeIsA413OnTheBody() {
    ProblemException problem = ServiceRefusalMapper.problem(new AppDataTooLarge(70000, 65536));

    assertEquals(413, problem.statusCode());
    assertEquals("PAYLOAD_TOO_LARGE", problem.phrase());
    assertEquals("body: app data of 70000 bytes is larger than 65536", problem.getMessage());
  }

  @Test
  void aReusedIdempotencyKeyIsA422NamingTheHeader() {
    ProblemException problem = ServiceRefusalMapper.problem(new IdempotencyKeyReused());

    assertEquals(422, problem.statusCode());
    assertEquals("UnprocessableRequest", problem.gmsException());
    assertEquals("Idempotency-Key: already used with a different request", problem.getMessage());
  }
}
