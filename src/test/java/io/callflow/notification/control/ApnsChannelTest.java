package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.notification.entity.Push;
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

class ApnsChannelTest {

  private static final String DEVICE_TOKEN =
      "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad";

  @TempDir Path folder;

  @Test
  void servesIos() {
    assertEquals(Set.of("ios"), new ApnsChannel().types());
  }

  @Test
  void unconfiguredChannelSaysWhatIsMissingAndRefusesPushes() {
    ApnsChannel channel = channel(ChannelConfigurations.unconfigured());

    String problem =
        "APNs: callflow.apns.key-file, callflow.apns.key-id, callflow.apns.team-id and"
            + " callflow.apns.topic are not set";
    assertEquals(Optional.of(problem), channel.configurationProblem());
    DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> channel.deliver(push()));
    assertTrue(failure.isPermanent());
    assertEquals(problem, failure.getMessage());
  }

  @Test
  void keyFileWithAnotherKindOfKeyIsAConfigurationProblem() throws Exception {
    Path rsaKey = TestCredentials.p8File(folder, TestCredentials.rsa().getPrivate(), "ABC123DEFG");

    ApnsChannel channel = channel(configured(rsaKey));

    String problem = channel.configurationProblem().orElseThrow();
    assertTrue(
        problem.startsWith(
            "APNs: callflow.apns.key-file " + rsaKey + ": not a PKCS#8 EC private key"),
        problem);
  }

  @Test
  void endpointThatIsNoUrlIsAConfigurationProblem() throws Exception {
    PushProviderConfiguration configuration = configured(validKey());
    configuration.apnsEndpoint = "api.push.apple.com";

    assertEquals(
        Optional.of("APNs: callflow.apns.endpoint is not an http(s) URL: api.push.apple.com"),
        channel(configuration).configurationProblem());
  }

  @Test
  void warnsOnceAtStartupWhenUnconfigured() {
    ApnsChannel channel = channel(ChannelConfigurations.unconfigured());

    List<LogRecord> logged =
        CapturedLog.of(ProviderChannel.class, () -> channel.reportAtStartup(new Object()));

    assertEquals(1, logged.size());
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(logged.get(0).getMessage().startsWith("APNs: callflow.apns.key-file,"));
  }

  /** A plain http:// stub stands in for APNs without certificates; HTTP/1.1 is enough for it. */
  @Test
  void configuredChannelDeliversToAPlainHttpStub() throws Exception {
    try (ApnsStub stub = new ApnsStub()) {
      PushProviderConfiguration configuration = configured(validKey());
      configuration.apnsEndpoint = stub.endpoint().toString();
      ApnsChannel channel = channel(configuration);

      assertEquals(Optional.empty(), channel.configurationProblem());
      channel.deliver(push());

      StubRequest sent = stub.requests().get(0);
      assertEquals("/3/device/" + DEVICE_TOKEN, sent.path());
      assertEquals("com.example.callflow", sent.header("apns-topic"));
      assertEquals("HTTP/1.1", sent.protocol());
      assertEquals("h2c", sent.header("upgrade"), "the client offered HTTP/2 all the same");
    }
  }

  private Path validKey() throws Exception {
    return TestCredentials.p8File(folder, TestCredentials.ecP256().getPrivate(), "ABC123DEFG");
  }

  private static PushProviderConfiguration configured(Path keyFile) {
    PushProviderConfiguration configuration = ChannelConfigurations.unconfigured();
    configuration.apnsKeyFile = Optional.of(keyFile.toString());
    configuration.apnsKeyId = Optional.of("ABC123DEFG");
    configuration.apnsTeamId = Optional.of("DEF123GHIJ");
    configuration.apnsTopic = Optional.of("com.example.callflow");
    return configuration;
  }

  private static ApnsChannel channel(PushProviderConfiguration configuration) {
    ApnsChannel channel = new ApnsChannel();
    channel.configuration = configuration;
    channel.clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    channel.start();
    return channel;
  }

  private static Push push() {
    return new Push(
        "3f2b8c1e-6d4a-4e2f-9a7b-5c1d0e9f8a76",
        "9f1c-20",
        "ios",
        DEVICE_TOKEN,
        "{\"_id\":\"9f1c-20\",\"_action\":\"ConfirmationDialog\"}",
        Map.of(),
        null);
  }
}
