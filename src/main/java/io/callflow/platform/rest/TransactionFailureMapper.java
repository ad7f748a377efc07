package io.callflow.platform.rest;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * A {@code @Transactional} method whose commit failed (a write at commit that lost to a concurrent
 * one, the database gone between the work and the commit) answers problem+json like any other
 * failure. Without it, the JAX-RS runtime's own mapper for this exception wins over {@link
 * ProblemMapper} and answers a bare 500.
 */
@Provider
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

  @Context Providers providers;

  @Override
  public Response toResponse(TransactionalException thrown) {
    // what failed is the cause: the exception itself says only that a commit failed
    Throwable failure = thrown.getCause() == null ? thrown : thrown.getCause();
    return new ProblemMapper(providers).toResponse(failure);
  }
}
