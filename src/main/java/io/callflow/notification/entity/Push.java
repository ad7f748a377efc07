package io.callflow.notification.entity;

import java.util.Map;

/**
 * One push to one subscriber's device: GMS's message, the JSON string {@code {"_id":…,"_action":…}}
 * (extra members allowed), addressed to {@code deviceId} (a URL for httpcb, a registration token
 * for FCM, a device token for APNs, the gms_user for CometD).
 *
 * @param eventId stable id of the event; receivers drop repeats by it
 * @param serviceId the instance the push is about
 * @param type the subscription's delivery type: httpcb, fcm (gcm is an alias), ios, comet
 * @param properties the subscription's provider properties (e.g. an APNs alert text), may be empty
 * @param secret the subscription's signing secret (httpcb), or null
 */
public record Push(
    String eventId,
    String serviceId,
    String type,
    String deviceId,
    String message,
    Map<String, String> properties,
    String secret) {

  public Push {
    properties = Map.copyOf(properties);
  }
}
