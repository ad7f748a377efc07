package io.callflow.callback.boundary;

import io.callflow.callback.entity.CallbackRefused;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import io.callflow.platform.rest.ProblemMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The Callback API's errors: GMS's mobile libraries recognise them by the end of {@code exception}
 * (CallbackExceptionAvailability, …Number, …Duplicate, …NotFound, …Resource) and read the integer
 * {@code code} and {@code phrase}; availability errors propose slots in {@code availability}; a
 * throttled client hears 429 with Retry-After, a move of a callback no longer waiting 409.
 */
@Provider
public class CallbackRefusedMapper implements ExceptionMapper<CallbackRefused> {

  @Override
  public Response toResponse(CallbackRefused refused) {
    return ProblemMapper.answer(problem(refused));
  }

  static ProblemException problem(CallbackRefused refused) {
    String detail = refused.getMessage();
    return switch (refused.kind()) {
      case AVAILABILITY ->
          badParameter(refused, "CallbackExceptionAvailability")
              .with("availability", CallbackJson.slots(refused.proposals()));
      case NUMBER -> badParameter(refused, "CallbackExceptionNumber");
      case DUPLICATE -> badParameter(refused, "CallbackExceptionDuplicate");
      case RESOURCE -> badParameter(refused, "CallbackExceptionResource");
      case NOT_FOUND ->
          ProblemException.of(
              400,
              "BAD_PARAMETER",
              "CallbackExceptionNotFound",
              detail,
              List.of(new InvalidParam("_id", detail)),
              null);
      case THROTTLE ->
          ProblemException.of(
              429,
              "TOO_MANY_REQUESTS",
              "CallbackExceptionThrottle",
              detail,
              List.of(),
              refused.retryAfterSeconds().orElseThrow());
      case NOT_MOVABLE ->
          ProblemException.conflict(
              detail, List.of(new InvalidParam(refused.field(), "not waiting any more")));
    };
  }

  private static ProblemException badParameter(CallbackRefused refused, String exception) {
    return ProblemException.of(
        400,
        "BAD_PARAMETER",
        exception,
        refused.getMessage(),
        List.of(new InvalidParam(refused.field(), refused.reason())),
        null);
  }
}
