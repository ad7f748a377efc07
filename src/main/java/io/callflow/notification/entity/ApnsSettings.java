package io.callflow.notification.entity;

import io.callflow.platform.config.ConfigKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where APNs pushes go and with which key, as configured; every value but the endpoint is null when
 * not configured.
 *
 * @param keyFile the .p8 authentication key
 * @param topic the app's bundle id
 */
public record ApnsSettings(URI endpoint, Path keyFile, String keyId, String teamId, String topic) {

  /** The keys that still need a value before APNs pushes can be sent, or empty. */
  public Optional<String> problem() {
    List<String> missing = new ArrayList<>();
    if (keyFile == null) {
      missing.add(ConfigKeys.APNS_KEY_FILE);
    }
    if (keyId == null) {
      missing.add(ConfigKeys.APNS_KEY_ID);
    }
    if (teamId == null) {
      missing.add(ConfigKeys.APNS_TEAM_ID);
    }
    if (topic == null) {
      missing.add(ConfigKeys.APNS_TOPIC);
    }
    return new MissingSettings("APNs", missing).problem();
  }
}
