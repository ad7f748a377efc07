package io.callflow.service.control;

import io.callflow.platform.persistence.SchemaMigration;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes Idempotency-Keys past their 24 h every ten minutes. A claim already treats an old key as
 * new; this only keeps the table small.
 */
@Singleton
public class IdempotencyKeySweep {

  private static final Logger LOG = Logger.getLogger(IdempotencyKeySweep.class.getName());

  @Inject IdempotencyKeys keys;
  @Inject SchemaMigration schema;

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void sweep() {
    if (!schema.outcome().succeeded()) {
      return;
    }
    try {
      int forgotten = keys.forgetExpired();
      if (forgotten > 0) {
        LOG.fine(() -> "Forgot " + forgotten + " idempotency key(s) older than 24 h");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Idempotency-Key sweep failed; retried in ten minutes", e);
    }
  }
}
