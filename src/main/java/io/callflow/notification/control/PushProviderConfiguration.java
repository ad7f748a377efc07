package io.callflow.notification.control;

import io.callflow.notification.entity.ApnsSettings;
import io.callflow.notification.entity.FcmSettings;
import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The push providers' configuration (FCM, APNs), read once into typed settings. */
@ApplicationScoped
public class PushProviderConfiguration {

  /** A provider that does not accept a connection this fast is treated as down for this attempt. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Bounds a delivery, so a slow provider holds a message-driven bean only briefly. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  // defaults here, not in microprofile-config.properties: a health check that runs while the
  // application still deploys cannot see the application's properties file yet
  @Inject
  @ConfigProperty(name = ConfigKeys.FCM_ENDPOINT, defaultValue = "https://fcm.googleapis.com")
  String fcmEndpoint;

  @Inject
  @ConfigProperty(name = ConfigKeys.APNS_ENDPOINT, defaultValue = "https://api.push.apple.com")
  String apnsEndpoint;

  // optional keys are looked up once, not injected as Optional: Payara's producer for Optional
  // config values can fail while the application is still starting
  @Inject Config config;

  Optional<String> fcmProjectId = Optional.empty();
  Optional<String> fcmCredentialsFile = Optional.empty();
  Optional<String> apnsKeyFile = Optional.empty();
  Optional<String> apnsKeyId = Optional.empty();
  Optional<String> apnsTeamId = Optional.empty();
  Optional<String> apnsTopic = Optional.empty();

  @PostConstruct
  void read() {
    fcmProjectId = config.getOptionalValue(ConfigKeys.FCM_PROJECT_ID, String.class);
    fcmCredentialsFile = config.getOptionalValue(ConfigKeys.FCM_CREDENTIALS_FILE, String.class);
    apnsKeyFile = config.getOptionalValue(ConfigKeys.APNS_KEY_FILE, String.class);
    apnsKeyId = config.getOptionalValue(ConfigKeys.APNS_KEY_ID, String.class);
    apnsTeamId = config.getOptionalValue(ConfigKeys.APNS_TEAM_ID, String.class);
    apnsTopic = config.getOptionalValue(ConfigKeys.APNS_TOPIC, String.class);
  }

  /**
   * @throws IllegalArgumentException when the endpoint is not an http(s) URL
   */
  public FcmSettings fcm() {
    return new FcmSettings(
        url(ConfigKeys.FCM_ENDPOINT, fcmEndpoint), given(fcmProjectId), path(fcmCredentialsFile));
  }

  /**
   * @throws IllegalArgumentException when the endpoint is not an http(s) URL
   */
  public ApnsSettings apns() {
    return new ApnsSettings(
        url(ConfigKeys.APNS_ENDPOINT, apnsEndpoint),
        path(apnsKeyFile),
        given(apnsKeyId),
        given(apnsTeamId),
        given(apnsTopic));
  }

  /** An HTTP client for one provider: HTTP/2 where the provider offers it (APNs requires it). */
  HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  /** The value, or null when the key is unset or blank (an empty environment variable). */
  private static String given(Optional<String> value) {
    return value.map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
  }

  private static Path path(Optional<String> value) {
    String path = given(value);
    return path == null ? null : Path.of(path);
  }

  private static URI url(String key, String value) {
    try {
      URI url = new URI(value.strip());
      if (("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
          && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " is not an http(s) URL: " + value);
  }
}
