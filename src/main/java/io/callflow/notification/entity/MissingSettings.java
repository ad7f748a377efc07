package io.callflow.notification.entity;

import java.util.List;
import java.util.Optional;

/**
 * The configuration keys a push provider needs but has not been given, worded for the operator who
 * reads the log: "FCM: callflow.fcm.credentials-file and callflow.fcm.project-id are not set".
 */
public record MissingSettings(String provider, List<String> keys) {

  public MissingSettings {
    keys = List.copyOf(keys);
  }

  /** What is missing, or empty when nothing is. */
  public Optional<String> problem() {
    int count = keys.size();
    if (count == 0) {
      return Optional.empty();
    }
    String listed =
        count == 1
            ? keys.get(0)
            : String.join(", ", keys.subList(0, count - 1)) + " and " + keys.get(count - 1);
    return Optional.of(provider + ": " + listed + (count == 1 ? " is" : " are") + " not set");
  }
}
