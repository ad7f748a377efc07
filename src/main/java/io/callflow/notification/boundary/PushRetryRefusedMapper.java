package io.callflow.notification.boundary;

import io.callflow.notification.control.PushRetryRefused;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A retry of a push given up: 404 when there is no such push, 409 when it cannot go again. */
@Provider
public class PushRetryRefusedMapper implements ExceptionMapper<PushRetryRefused> {

  @Override
  public Response toResponse(PushRetryRefused refused) {
    return ProblemMapper.answer(problem(refused));
  }

  static ProblemException problem(PushRetryRefused refused) {
    return refused.isMissing()
        ? ProblemException.notFound(refused.getMessage())
        : ProblemException.conflict(refused.getMessage(), List.of());
  }
}
