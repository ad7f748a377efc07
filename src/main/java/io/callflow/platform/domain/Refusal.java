package io.callflow.platform.domain;

import jakarta.ejb.ApplicationException;

/**
 * A request the domain refuses: a bad parameter, an unknown instance, a move its flow does not
 * allow, an exhausted pool. Each feature's boundary maps its refusals to problem answers.
 *
 * <p>An application exception: thrown from an enterprise bean it reaches the caller as itself (not
 * wrapped in an {@code EJBException}) and rolls the transaction back, so a refused request leaves
 * nothing half done. A refusal is an answer, not a fault: it fills no stack trace.
 */
@ApplicationException(rollback = true)
public abstract class Refusal extends RuntimeException {

  protected Refusal(String message) {
    super(message, null, false, false);
  }
}
