package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.notification.entity.Push;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FcmChannelTest {

  @TempDir Path folder;

  @Test
  void servesFcmAndItsOldNameGcm() {
    assertEquals(Set.of("fcm", "gcm"), new FcmChannel().types());
  }

  @Test
  void unconfiguredChannelSaysWhatIsMissingAndRefusesPushes() {
    FcmChannel channel = channel(configuration(Optional.empty(), Optional.empty()));

    String problem = "FCM: callflow.fcm.credentials-file and callflow.fcm.project-id are not set";
    assertEquals(Optional.of(problem), channel.configurationProblem());
    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> channel.deliver(push()));
    assertTrue(failure.isPermanent());
    assertEquals(problem, failure.getMessage());
  }

  @Test
  void namesTheOneKeyThatIsMissing() {
    FcmChannel channel = channel(configuration(Optional.of("callflow-test"), Optional.empty()));

    assertEquals(
        Optional.of("FCM: callflow.fcm.credentials-file is not set"),
        channel.configurationProblem());
  }

  @Test
  void unusableCredentialsFileIsAConfigurationProblem() throws Exception {
    Path file = Files.writeString(folder.resolve("account.json"), "{\"client_email\":\"a@b.c\"}");

    FcmChannel channel = channel(configuration(Optional.of("p"), Optional.of(file.toString())));

    assertEquals(
        Optional.of("FCM: callflow.fcm.credentials-file " + file + ": private_key is missing"),
        channel.configurationProblem());
  }

  @Test
  void missingCredentialsFileIsAConfigurationProblem() {
    String file = folder.resolve("nowhere.json").toString();

    FcmChannel channel = channel(configuration(Optional.of("p"), Optional.of(file)));

    String problem = channel.configurationProblem().orElseThrow();
    assertTrue(
        problem.startsWith("FCM: callflow.fcm.credentials-file " + file + " cannot be read"),
        problem);
  }

  @Test
  void warnsOnceAtStartupWhenUnconfigured() {
    FcmChannel channel = channel(configuration(Optional.empty(), Optional.empty()));

    List<LogRecord> logged =
        CapturedLog.of(ProviderChannel.class, () -> channel.reportAtStartup(new Object()));

    assertEquals(1, logged.size());
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(logged.get(0).getMessage().startsWith("FCM: callflow.fcm.credentials-file and"));
  }

  @Test
  void configuredChannelDeliversThroughTheConfiguredEndpoint() throws Exception {
    try (FcmStub stub = new FcmStub()) {
      Path account =
          TestCredentials.serviceAccountFile(
              folder, TestCredentials.rsa().getPrivate(), stub.tokenUri());
      PushProviderConfiguration configuration =
          configuration(Optional.of("callflow-test"), Optional.of(account.toString()));
      configuration.fcmEndpoint = stub.endpoint() + "/";
      FcmChannel channel = channel(configuration);

      assertEquals(Optional.empty(), channel.configurationProblem());
      channel.deliver(push());

      assertEquals("/v1/projects/callflow-test/messages:send", stub.sendRequests().get(0).path());
    }
  }

  @Test
  void quietAtStartupWhenConfigured() throws Exception {
    Path account =
        TestCredentials.serviceAccountFile(
            folder,
            TestCredentials.rsa().getPrivate(),
            URI.create("https://oauth2.googleapis.com/token"));
    FcmChannel channel = channel(configuration(Optional.of("p"), Optional.of(account.toString())));

    assertEquals(
        List.of(),
        CapturedLog.of(ProviderChannel.class, () -> channel.reportAtStartup(new Object())));
  }

  static PushProviderConfiguration configuration(
      Optional<String> projectId, Optional<String> file) {
    PushProviderConfiguration configuration = ChannelConfigurations.unconfigured();
    configuration.fcmProjectId = projectId;
    configuration.fcmCredentialsFile = file;
    return configuration;
  }

  private static FcmChannel channel(PushProviderConfiguration configuration) {
    FcmChannel channel = new FcmChannel();
    channel.configuration = configuration;
    channel.clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    channel.start();
    return channel;
  }

  private static Push push() {
    String message = "{\"_id\":\"2b2e-7f\",\"_action\":\"x\"}";
    return new Push("e-1", "2b2e-7f", "fcm", "registration-token", message, Map.of(), null);
  }
}
