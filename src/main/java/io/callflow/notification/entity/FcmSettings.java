package io.callflow.notification.entity;

import io.callflow.platform.config.ConfigKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where FCM pushes go and as whom, as configured.
 *
 * @param projectId the Firebase project, or null when not configured
 * @param credentialsFile the service-account JSON file, or null when not configured
 */
public record FcmSettings(URI endpoint, String projectId, Path credentialsFile) {

  /** The keys that still need a value before FCM pushes can be sent, or empty. */
  public Optional<String> problem() {
    List<String> missing = new ArrayList<>();
    if (credentialsFile == null) {
      missing.add(ConfigKeys.FCM_CREDENTIALS_FILE);
    }
    if (projectId == null) {
      missing.add(ConfigKeys.FCM_PROJECT_ID);
    }
    return new MissingSettings("FCM", missing).problem();
  }
}
