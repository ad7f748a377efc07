package io.callflow.service.entity;

import io.callflow.platform.domain.Refusal;

/**
 * What the service feature refuses: an instance or service that is not there (or not the asker's),
 * a request its instance does not answer or cannot answer now, an ambiguous match, an app's data
 * too large, an idempotency key reused. The feature's boundary answers each with its problem.
 */
public abstract sealed class ServiceRefusal extends Refusal
    permits InstanceNotFound,
        NoLiveAccess,
        NoMatch,
        MatchAmbiguous,
        ServiceNotFound,
        RequestUnknown,
        RequestRefused,
        InstanceEnded,
        AppDataTooLarge,
        IdempotencyKeyReused {

  ServiceRefusal(String message) {
    super(message);
  }
}
