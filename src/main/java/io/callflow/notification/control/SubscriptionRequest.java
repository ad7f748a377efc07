package io.callflow.notification.control;

import io.callflow.notification.entity.DeliveryType;
import java.time.Duration;

/**
 * A validated subscription, as the Notification API or a create's device registration asks for it.
 */
public record SubscriptionRequest(
    String subscriberId,
    String providerName,
    DeliveryType type,
    String deviceId,
    String filter,
    String propertiesJson,
    String secret,
    Duration expire) {}
