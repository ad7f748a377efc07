package io.callflow.service.boundary;

import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemMapper;
import io.callflow.service.entity.MoveRefused;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A request asked for a move its instance's flow does not allow from where it stands: 409, as
 * {@code docs/api.md} answers a request that conflicts with the instance's state.
 */
@Provider
public class MoveRefusedMapper implements ExceptionMapper<MoveRefused> {

  @Override
  public Response toResponse(MoveRefused refused) {
    return ProblemMapper.answer(problem(refused));
  }

  static ProblemException problem(MoveRefused refused) {
    return ProblemException.conflict(
        "request: " + refused.getMessage(),
        List.of(
            new ProblemException.InvalidParam(
                "request", "not possible in state " + refused.state())));
  }
}
