package io.callflow.notification.control;

import io.callflow.notification.entity.FcmSettings;
import io.callflow.notification.entity.ServiceAccount;
import io.callflow.platform.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes to Android apps through Firebase Cloud Messaging (subscription types {@code fcm} and GMS's
 * older name {@code gcm}).
 */
@ApplicationScoped
public class FcmChannel extends ProviderChannel {

  @Inject PushProviderConfiguration configuration;
  @Inject Clock clock;

  @Override
  public Set<String> types() {
    return Set.of("fcm", "gcm");
  }

  @Override
  protected String provider() {
    return "FCM";
  }

  @Override
  protected Optional<String> settingsProblem() {
    return configuration.fcm().problem();
  }

  @Override
  protected ProviderClient connect() {
    FcmSettings settings = configuration.fcm();
    HttpClient http = configuration.httpClient();
    GoogleAccessTokens tokens =
        new GoogleAccessTokens(
            credentials(
                ConfigKeys.FCM_CREDENTIALS_FILE, settings.credentialsFile(), ServiceAccount::parse),
            http,
            PushProviderConfiguration.REQUEST_TIMEOUT,
            clock);
    return new FcmClient(
        settings.endpoint(),
        settings.projectId(),
        tokens,
        http,
        PushProviderConfiguration.REQUEST_TIMEOUT);
  }
}
