package io.callflow.access.boundary;

import io.callflow.access.control.AccessRefusal;
import io.callflow.access.control.AllocationLimited;
import io.callflow.access.control.PoolChangeRefused;
import io.callflow.access.control.PoolExhausted;
import io.callflow.access.control.PoolMissing;
import io.callflow.access.control.PoolNotFound;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import io.callflow.platform.rest.ProblemMapper;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The access feature's refusals as problem answers: an exhausted pool and a missing one are 503
 * with Retry-After (the first until its next booking ends; the second names the pool for the
 * operator), a client over its allocation limit 429, an unknown pool 404, a pool change that
 * conflicts 409.
 */
@Provider
public class AccessRefusalMapper implements ExceptionMapper<AccessRefusal> {

  /** An operator adding the pool makes the service work again; no sooner. */
  static final long POOL_MISSING_RETRY_AFTER_SECONDS = 60;

  @Override
  public Response toResponse(AccessRefusal refusal) {
    return ProblemMapper.answer(problem(refusal));
  }

  static ProblemException problem(AccessRefusal refusal) {
    if (refusal instanceof PoolExhausted exhausted) {
      return ProblemException.of(
          503,
          "POOL_EXHAUSTED",
          "PoolExhausted",
          "_resource_group: " + exhausted.getMessage(),
          List.of(
              new InvalidParam("_resource_group", "pool " + exhausted.pool() + " is exhausted")),
          exhausted.retryAfterSeconds());
    }
    if (refusal instanceof PoolMissing missing) {
      return ProblemException.of(
              503,
              "SERVICE_UNAVAILABLE",
              "PoolNotConfigured",
              missing.getMessage(),
              List.of(),
              POOL_MISSING_RETRY_AFTER_SECONDS)
          .with("pool", Json.createValue(missing.pool()));
    }
    if (refusal instanceof AllocationLimited limited) {
      return ProblemException.of(
          429,
          "TOO_MANY_REQUESTS",
          "RateLimited",
          limited.getMessage(),
          List.of(),
          limited.retryAfterSeconds());
    }
    if (refusal instanceof PoolChangeRefused refused) {
      return ProblemException.conflict(
          refused.getMessage(),
          refused.fields().stream().map(f -> new InvalidParam(f.name(), f.reason())).toList());
    }
    if (refusal instanceof PoolNotFound) {
      return ProblemException.notFound(refusal.getMessage());
    }
    throw new IllegalStateException("no problem answer for " + refusal.getClass().getName());
  }
}
