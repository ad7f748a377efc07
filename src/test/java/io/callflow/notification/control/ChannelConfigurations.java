package io.callflow.notification.control;

import java.util.Optional;

/** The push providers' configuration as a fresh installation has it: endpoints, no credentials. */
final class ChannelConfigurations {

  private ChannelConfigurations() {}

  static PushProviderConfiguration unconfigured() {
    PushProviderConfiguration configuration = new PushProviderConfiguration();
    configuration.fcmEndpoint = "https://fcm.googleapis.com";
    configuration.fcmProjectId = Optional.empty();
    configuration.fcmCredentialsFile = Optional.empty();
    configuration.apnsEndpoint = "https://api.push.apple.com";
    configuration.apnsKeyFile = Optional.empty();
    configuration.apnsKeyId = Optional.empty();
    configuration.apnsTeamId = Optional.empty();
    configuration.apnsTopic = Optional.empty();
    return configuration;
  }
}
