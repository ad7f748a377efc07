package io.callflow.notification.control;

/**
 * A push that did not get through. {@code permanent} failures (an unregistered device token, a 4xx
 * other than 408/429) are not retried.
 */
public class DeliveryFailure extends Exception {

  private final boolean permanent;

  public DeliveryFailure(String reason, boolean permanent) {
    super(reason);
    this.permanent = permanent;
  }

  public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
  }

  public boolean isPermanent() {
    return permanent;
  }
}
