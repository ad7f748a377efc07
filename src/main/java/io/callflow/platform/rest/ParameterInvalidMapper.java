package io.callflow.platform.rest;

import io.callflow.platform.domain.ParameterInvalid;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bad request parameters: 400 {@code InvalidParameter}, every bad one in {@code invalid_params}.
 */
@Provider
public class ParameterInvalidMapper implements ExceptionMapper<ParameterInvalid> {

  @Override
  public Response toResponse(ParameterInvalid invalid) {
    return ProblemMapper.answer(problem(invalid));
  }

  static ProblemException problem(ParameterInvalid invalid) {
    return ProblemException.badParameters(
        invalid.fields().stream()
            .map(f -> new ProblemException.InvalidParam(f.name(), f.reason()))
            .toList());
  }
}
