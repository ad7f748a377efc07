package io.callflow.notification.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a subscription is reached, under the names GMS apps send as {@code _device_os} or {@code
 * type}.
 */
public enum DeliveryType {
  HTTPCB("httpcb"),
  FCM("fcm"),
  /** Google Cloud Messaging's name, delivered through FCM. */
  GCM("gcm"),
  IOS("ios"),
  COMET("comet");

  private final String wireName;

  DeliveryType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<DeliveryType> byWireName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.wireName.equals(lower)).findFirst();
  }

  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(DeliveryType::wireName).toList());
  }
}
