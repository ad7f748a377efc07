package io.callflow.access.control;

import io.callflow.platform.rest.ProblemException;
import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.List;

/** A locking pool has no free number: 503, with Retry-After until its next booking ends. */
@ApplicationException(rollback = true)
public class PoolExhausted extends ProblemException {

  public PoolExhausted(String pool, Duration retryAfter) {
    super(
        503,
        "POOL_EXHAUSTED",
        "PoolExhausted",
        "_resource_group: pool " + pool + " has no free access number",
        List.of(new InvalidParam("_resource_group", "pool " + pool + " is exhausted")),
        Math.max(1, (retryAfter.toMillis() + 999) / 1000));
  }
}
