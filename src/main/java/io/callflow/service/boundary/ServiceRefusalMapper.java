package io.callflow.service.boundary;

import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import io.callflow.platform.rest.ProblemMapper;
import io.callflow.service.control.IdempotencyKeys;
import io.callflow.service.entity.AppDataTooLarge;
import io.callflow.service.entity.IdempotencyKeyReused;
import io.callflow.service.entity.InstanceEnded;
import io.callflow.service.entity.InstanceNotFound;
import io.callflow.service.entity.MatchAmbiguous;
import io.callflow.service.entity.NoLiveAccess;
import io.callflow.service.entity.NoMatch;
import io.callflow.service.entity.RequestRefused;
import io.callflow.service.entity.RequestUnknown;
import io.callflow.service.entity.ServiceNotFound;
import io.callflow.service.entity.ServiceRefusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The service feature's refusals as GMS's problem answers: what is not there is a 404 ({@code
 * ServiceNotFound}, or {@code RequestNotFound} naming the request), what conflicts with the
 * instance's state or is ambiguous a 409, app data too large a 413, a reused idempotency key a 422.
 */
@Provider
public class ServiceRefusalMapper implements ExceptionMapper<ServiceRefusal> {

  @Override
  public Response toResponse(ServiceRefusal refusal) {
    return ProblemMapper.answer(problem(refusal));
  }

  static ProblemException problem(ServiceRefusal refusal) {
    String detail = refusal.getMessage();
    if (refusal instanceof InstanceNotFound
        || refusal instanceof NoLiveAccess
        || refusal instanceof NoMatch) {
      return ProblemException.notFound(detail);
    }
    if (refusal instanceof MatchAmbiguous) {
      return ProblemException.conflict(
          detail,
          List.of(
              new InvalidParam("_phone_number", "the caller's number (ANI), or send _access_code"),
              new InvalidParam(
                  "_access_code", "the code the caller entered, or send _phone_number")));
    }
    if (refusal instanceof RequestRefused refused) {
      return ProblemException.conflict(
          "request: " + detail,
          List.of(new InvalidParam("request", "not possible in state " + refused.state())));
    }
    if (refusal instanceof InstanceEnded) {
      return ProblemException.conflict(
          "_id: " + detail, List.of(new InvalidParam("_id", "instance has ended")));
    }
    if (refusal instanceof ServiceNotFound) {
      return ProblemException.notFound("service-name", "ServiceNotFound", detail, detail);
    }
    if (refusal instanceof RequestUnknown) {
      return ProblemException.notFound(
          "request", "RequestNotFound", detail, "not a request of this instance");
    }
    if (refusal instanceof AppDataTooLarge) {
      return ProblemException.tooLarge("body", detail);
    }
    if (refusal instanceof IdempotencyKeyReused) {
      return ProblemException.unprocessable(IdempotencyKeys.HEADER, detail);
    }
    throw new IllegalStateException("no problem answer for " + refusal.getClass().getName());
  }
}
