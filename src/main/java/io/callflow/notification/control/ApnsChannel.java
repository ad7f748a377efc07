package io.callflow.notification.control;

import io.callflow.notification.entity.ApnsSettings;
import io.callflow.notification.entity.PemPrivateKey;
import io.callflow.notification.entity.Push;
import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Pushes to iOS apps through the Apple Push Notification service (subscription type {@code ios}).
 * Unconfigured, it still deploys: it refuses every push with the reason, so subscriptions can be
 * taken before the key is in place.
 */
@ApplicationScoped
public class ApnsChannel implements PushChannel {

  private static final Logger LOG = Logger.getLogger(ApnsChannel.class.getName());

  @Inject PushProviderConfiguration configuration;
  @Inject Clock clock;

  private ApnsClient client;
  private String problem;

  @PostConstruct
  void connect() {
    try {
      ApnsSettings settings = configuration.apns();
      problem = settings.problem().orElse(null);
      if (problem == null) {
        ApnsProviderTokens tokens =
            new ApnsProviderTokens(
                settings.keyId(), settings.teamId(), signingKey(settings.keyFile()), clock);
        client =
            new ApnsClient(
                settings.endpoint(),
                settings.topic(),
                tokens,
                configuration.httpClient(),
                PushProviderConfiguration.REQUEST_TIMEOUT);
      }
    } catch (IllegalArgumentException e) {
      problem = "APNs: " + e.getMessage();
    }
  }

  void reportAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (problem != null) {
      LOG.warning(problem + "; ios pushes fail until it is configured");
    }
  }

  @Override
  public Set<String> types() {
    return Set.of("ios");
  }

  @Override
  public void deliver(Push push) throws DeliveryFailure {
    if (client == null) {
      throw new DeliveryFailure(problem, true);
    }
    client.send(push);
  }

  @Override
  public Optional<String> configurationProblem() {
    return Optional.ofNullable(problem);
  }

  private static PrivateKey signingKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          ConfigKeys.APNS_KEY_FILE + " " + file + " cannot be read: " + e, e);
    }
    try {
      return PemPrivateKey.parse(pem, "EC");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          ConfigKeys.APNS_KEY_FILE + " " + file + " is " + e.getMessage(), e);
    }
  }
}
