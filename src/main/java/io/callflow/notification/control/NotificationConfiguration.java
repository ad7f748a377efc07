package io.callflow.notification.control;

import io.callflow.platform.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The delivery pipeline's settings. */
@ApplicationScoped
public class NotificationConfiguration {

  @Inject
  @ConfigProperty(name = ConfigKeys.NOTIFICATION_MAX_ATTEMPTS, defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = ConfigKeys.NOTIFICATION_RETRY_BASE_MS, defaultValue = "1000")
  long retryBaseMs;

  @Inject
  @ConfigProperty(name = ConfigKeys.NOTIFICATION_HTTP_TIMEOUT_MS, defaultValue = "5000")
  long httpTimeoutMs;

  public int maxAttempts() {
    return Math.max(1, maxAttempts);
  }

  public Duration retryBase() {
    return Duration.ofMillis(Math.max(1, retryBaseMs));
  }

  public Duration httpTimeout() {
    return Duration.ofMillis(Math.max(100, httpTimeoutMs));
  }
}
