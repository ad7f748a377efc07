package io.callflow.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A device or endpoint that hears about the instances its filter names: an instance {@code _id}, a
 * service name, or {@code *}.
 */
@Entity
@Table(name = "notification_subscription")
public class Subscription {

  public static final String ANY = "*";

  @Id private String id;

  @Column(name = "subscriber_id")
  private String subscriberId;

  @Column(name = "provider_name")
  private String providerName;

  private String type;

  @Column(name = "device_id")
  private String deviceId;

  private String filter;
  private String properties;
  private String secret;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  protected Subscription() {}

  public Subscription(
      String id,
      String subscriberId,
      String providerName,
      DeliveryType type,
      String deviceId,
      String filter,
      String propertiesJson,
      String secret,
      Instant createdAt,
      Instant expiresAt) {
    this.id = id;
    this.subscriberId = subscriberId;
    this.providerName = providerName;
    this.type = type.wireName();
    this.deviceId = deviceId;
    this.filter = filter;
    this.properties = propertiesJson;
    this.secret = secret;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  public String id() {
    return id;
  }

  public String subscriberId() {
    return subscriberId;
  }

  public String type() {
    return type;
  }

  public String deviceId() {
    return deviceId;
  }

  public String filter() {
    return filter;
  }

  public String propertiesJson() {
    return properties;
  }

  public Optional<String> secret() {
    return Optional.ofNullable(secret);
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
