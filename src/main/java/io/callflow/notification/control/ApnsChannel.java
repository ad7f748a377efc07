package io.callflow.notification.control;

import io.callflow.notification.entity.ApnsSettings;
import io.callflow.notification.entity.PemPrivateKey;
import io.callflow.platform.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes to iOS apps through the Apple Push Notification service (subscription type {@code ios}).
 */
@ApplicationScoped
public class ApnsChannel extends ProviderChannel {

  @Inject PushProviderConfiguration configuration;
  @Inject Clock clock;

  @Override
  public Set<String> types() {
    return Set.of("ios");
  }

  @Override
  protected String provider() {
    return "APNs";
  }

  @Override
  protected Optional<String> settingsProblem() {
    return configuration.apns().problem();
  }

  @Override
  protected ProviderClient connect() {
    ApnsSettings settings = configuration.apns();
    ApnsProviderTokens tokens =
        new ApnsProviderTokens(
            settings.keyId(),
            settings.teamId(),
            credentials(
                ConfigKeys.APNS_KEY_FILE,
                settings.keyFile(),
                pem -> PemPrivateKey.parse(pem, "EC")),
            clock);
    return new ApnsClient(
        settings.endpoint(),
        settings.topic(),
        tokens,
        configuration.httpClient(),
        PushProviderConfiguration.REQUEST_TIMEOUT);
  }
}
