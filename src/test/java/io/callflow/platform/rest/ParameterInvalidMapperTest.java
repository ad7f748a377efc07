package io.callflow.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterInvalidMapperTest {

  @Test
  void oneBadParameterIsA400NamingIt() {
    ProblemException problem =
        ParameterInvalidMapper.problem(new ParameterInvalid("_id", "required: the instance"));

    assertEquals(400, problem.statusCode());
    assertEquals("BAD_PARAMETER", problem.phrase());
    assertEquals("InvalidParameter", problem.gmsException());
    assertEquals("_id: required: the instance", problem.getMessage());
    assertEquals(
        List.of(new InvalidParam("_id", "required: the instance")), problem.invalidParams());
  }

  @Test
  void everyBadParameterIsNamedInOneAnswer() {
    ProblemException problem =
        ParameterInvalidMapper.problem(
            new ParameterInvalid(
                List.of(
                    new ParameterInvalid.Field("_latitude", "not a number: 'x'"),
                    new ParameterInvalid.Field("_longitude", "required with _latitude"))));

    assertEquals(400, problem.statusCode());
    assertEquals(
        "_latitude: not a number: 'x'; _longitude: required with _latitude", problem.getMessage());
    assertEquals(
        List.of("_latitude", "_longitude"),
        problem.invalidParams().stream().map(InvalidParam::name).toList());
  }
}
