package io.callflow.notification.control;

import io.callflow.platform.domain.Refusal;

/**
 * A push given up that cannot be sent again: none such was given up ({@link #isMissing()}), or its
 * message was not kept, or its subscription has ended.
 */
public final class PushRetryRefused extends Refusal {

  private final boolean missing;

  private PushRetryRefused(String detail, boolean missing) {
    super(detail);
    this.missing = missing;
  }

  /** No push {@code eventId} was given up for the subscription. */
  public static PushRetryRefused missing(String eventId, String subscriptionId) {
    return new PushRetryRefused(
        "no push " + eventId + " given up for subscription " + subscriptionId, true);
  }

  /** The push was given up, but cannot go again, for the reason {@code detail} says. */
  public static PushRetryRefused impossible(String detail) {
    return new PushRetryRefused(detail, false);
  }

  /** Whether no such push was given up (rather than one that cannot go again). */
  public boolean isMissing() {
    return missing;
  }
}
