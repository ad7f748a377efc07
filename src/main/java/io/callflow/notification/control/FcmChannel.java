package io.callflow.notification.control;

import io.callflow.notification.entity.FcmSettings;
import io.callflow.notification.entity.Push;
import io.callflow.notification.entity.ServiceAccount;
import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Pushes to Android apps through Firebase Cloud Messaging (subscription types {@code fcm} and GMS's
 * older name {@code gcm}). Unconfigured, it still deploys: it refuses every push with the reason, so
 * subscriptions can be taken before the credentials are in place.
 */
@ApplicationScoped
public class FcmChannel implements PushChannel {

  private static final Logger LOG = Logger.getLogger(FcmChannel.class.getName());

  @Inject PushProviderConfiguration configuration;
  @Inject Clock clock;

  private FcmClient client;
  private String problem;

  @PostConstruct
  void connect() {
    try {
      FcmSettings settings = configuration.fcm();
      problem = settings.problem().orElse(null);
      if (problem == null) {
        HttpClient http = configuration.httpClient();
        GoogleAccessTokens tokens =
            new GoogleAccessTokens(
                serviceAccount(settings.credentialsFile()),
                http,
                PushProviderConfiguration.REQUEST_TIMEOUT,
                clock);
        client =
            new FcmClient(
                settings.endpoint(),
                settings.projectId(),
                tokens,
                http,
                PushProviderConfiguration.REQUEST_TIMEOUT);
      }
    } catch (IllegalArgumentException e) {
      problem = "FCM: " + e.getMessage();
    }
  }

  void reportAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (problem != null) {
      LOG.warning(problem + "; fcm and gcm pushes fail until it is configured");
    }
  }

  @Override
  public Set<String> types() {
    return Set.of("fcm", "gcm");
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

  private static ServiceAccount serviceAccount(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          ConfigKeys.FCM_CREDENTIALS_FILE + " " + file + " cannot be read: " + e, e);
    }
    try {
      return ServiceAccount.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          ConfigKeys.FCM_CREDENTIALS_FILE + " " + file + ": " + e.getMessage(), e);
    }
  }
}
