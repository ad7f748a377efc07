package io.callflow.service.entity;

/** An idempotency key the same gms_user already sent with a different request. */
public final class IdempotencyKeyReused extends ServiceRefusal {

  public IdempotencyKeyReused() {
    super("already used with a different request");
  }
}
