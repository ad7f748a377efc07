package io.callflow.notification.control;

import io.callflow.notification.entity.PushOrder;
import io.callflow.notification.entity.Subscription;
import io.callflow.platform.domain.Ids;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.Destinations;
import io.callflow.platform.messaging.MessageSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Tells an instance's subscribers what the app should do next: GMS's message {@code {"_id":…,
 * "_action":…}} as a JSON string. Called inside the transaction that changed the instance; each
 * push is a persistent JMS message in that transaction, so nothing is announced that rolls back,
 * nothing waits for a device, and undelivered pushes survive a restart. The push is also published
 * on {@code callflow.events} (the {@code jms} channel, and the feed of server-sent event streams).
 */
@ApplicationScoped
public class Notifications {

  public static final String PUSHED_EVENT = "NotificationPushed";

  @Inject Subscriptions subscriptions;
  @Inject MessageSender sender;
  @Inject Clock clock;

  /**
   * Pushes {@code action} (a request the instance answers) with optional extra members; answers the
   * event id.
   */
  public String push(
      String serviceId, String serviceName, String action, Map<String, String> extra) {
    String eventId = Ids.internal();
    JsonObjectBuilder message =
        Jsonp.createObjectBuilder().add("_id", serviceId).add("_action", action);
    extra.forEach(message::add);
    String text = message.build().toString();
    for (Subscription subscription : subscriptions.listeningTo(serviceId, serviceName)) {
      PushOrder order = new PushOrder(eventId, subscription.id(), serviceId, text, 1);
      // grouped by instance: one consumer at a time delivers an instance's pushes, in their order
      sender.enqueue(
          Destinations.NOTIFICATION_DELIVERY,
          PushOrder.TYPE,
          order.toJson(),
          Duration.ZERO,
          Optional.of(serviceId));
    }
    sender.publish(
        Destinations.EVENTS,
        PUSHED_EVENT,
        Jsonp.createObjectBuilder()
            .add("eventId", eventId)
            .add("serviceId", serviceId)
            .add("service", serviceName)
            .add("message", text)
            .add("at", clock.instant().toString())
            .build()
            .toString());
    return eventId;
  }
}
