package io.callflow.notification.control;

import io.callflow.notification.entity.DeliveryType;
import io.callflow.notification.entity.Subscription;
import io.callflow.platform.domain.ParameterInvalid;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who hears about which instances. */
@Stateless
public class Subscriptions {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject HttpCallbackTargets targets;

  /** A Notification API subscription; answers its id. */
  public String subscribe(SubscriptionRequest request) {
    checkTarget(request, "notificationDetails.deviceId");
    return persist(request);
  }

  private void checkTarget(SubscriptionRequest request, String field) {
    if (request.type() == DeliveryType.HTTPCB) {
      targets
          .problemWith(request.deviceId(), false)
          .ifPresent(
              problem -> {
                throw new ParameterInvalid(field, problem);
              });
    }
  }

  private String persist(SubscriptionRequest request) {
    Instant now = clock.instant();
    Subscription subscription =
        new Subscription(
            UUID.randomUUID().toString(),
            request.subscriberId(),
            request.providerName(),
            request.type(),
            request.deviceId(),
            request.filter(),
            request.propertiesJson(),
            request.secret(),
            now,
            now.plus(request.expire()));
    em.persist(subscription);
    return subscription.id();
  }

  /**
   * What every GMS app does: {@code _device_notification_id} + {@code _device_os} on create
   * subscribe that device to the new instance, for as long as the instance's data lives.
   */
  public void subscribeDevice(
      String serviceId, String deviceId, String deviceOs, Duration lifetime) {
    DeliveryType type =
        DeliveryType.byWireName(deviceOs)
            .orElseThrow(
                () ->
                    new ParameterInvalid(
                        "_device_os",
                        "must be one of " + DeliveryType.names() + ", not '" + deviceOs + "'"));
    if (deviceId == null || deviceId.isBlank()) {
      throw new ParameterInvalid("_device_notification_id", "required with _device_os");
    }
    SubscriptionRequest request =
        new SubscriptionRequest(
            serviceId, null, type, deviceId.strip(), serviceId, "{}", null, lifetime);
    checkTarget(request, "_device_notification_id");
    persist(request);
  }

  /** Ends a subscription; false when there was none. */
  public boolean unsubscribe(String id) {
    Subscription subscription = em.find(Subscription.class, id);
    if (subscription == null) {
      return false;
    }
    em.remove(subscription);
    return true;
  }

  /** The live subscriptions that hear about an instance of a service. */
  public List<Subscription> listeningTo(String serviceId, String serviceName) {
    return em.createQuery(
            "SELECT s FROM Subscription s WHERE s.filter IN :filters AND s.expiresAt > :now ORDER BY s.createdAt",
            Subscription.class)
        .setParameter("filters", List.of(serviceId, serviceName, Subscription.ANY))
        .setParameter("now", clock.instant())
        .getResultList();
  }

  public Subscription find(String id) {
    return em.find(Subscription.class, id);
  }
}
