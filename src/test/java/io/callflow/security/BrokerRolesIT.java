package io.callflow.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callflow.launcher.BrokerAccount;
import io.callflow.platform.messaging.Destinations;
import io.callflow.testing.JmsClient;
import io.callflow.testing.TestServer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The broker's roles (server-config/broker.xml): a desktop's user may send to callflow.desktop.in
 * and read callflow.desktop.out and nothing else; the dialer's may read callflow.dialer; nobody
 * gets in without a password. (Every other test's desktops use the desktop user too, so the flows
 * are proven to work with these rights alone.)
 */
class BrokerRolesIT {

  private static final Duration BRIEFLY = Duration.ofMillis(200);

  @Test
  void aDesktopUserMaySendItsMessagesAndReadItsOwnTopicOnly() {
    try (JmsClient desktop = TestServer.jms(BrokerAccount.DESKTOP)) {
      assertDoesNotThrow(() -> desktop.subscribe(Destinations.DESKTOP_OUT));
      assertDoesNotThrow(
          () ->
              desktop.send(
                  Destinations.DESKTOP_IN,
                  "AgentState",
                  "{\"agentId\":\"nobody\",\"state\":\"NOT_READY\"}"));

      refused(
          "read the desktops' inbox (other agents' messages)",
          () -> desktop.receive(Destinations.DESKTOP_IN, BRIEFLY));
      refused(
          "read push orders", () -> desktop.receive(Destinations.NOTIFICATION_DELIVERY, BRIEFLY));
      refused("read dial commands", () -> desktop.receive(Destinations.DIALER, BRIEFLY));
      refused(
          "read dead desktop messages", () -> desktop.receive(Destinations.DESKTOP_DEAD, BRIEFLY));
      refused("subscribe to every instance's events", () -> desktop.subscribe(Destinations.EVENTS));
      refused(
          "ask for a dispatch",
          () -> desktop.send(Destinations.ROUTING, "Dispatch", "{\"queue\":\"default\"}"));
      refused(
          "publish to other desktops",
          () ->
              desktop.publish(Destinations.DESKTOP_OUT, "Revoked", "{}", Map.of("agentId", "a1")));
    }
  }

  @Test
  void theDialerUserReadsDialCommandsButNotTheDesktopsTopic() {
    try (JmsClient dialer = TestServer.jms(BrokerAccount.DIALER)) {
      assertDoesNotThrow(() -> dialer.receive(Destinations.DIALER, BRIEFLY));
      refused("read the desktops' topic", () -> dialer.subscribe(Destinations.DESKTOP_OUT));
      refused(
          "read push orders", () -> dialer.receive(Destinations.NOTIFICATION_DELIVERY, BRIEFLY));
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    try (JmsClient intruder =
        new JmsClient(TestServer.stack().brokerUrl(), BrokerAccount.SERVER.user(), "guess")) {
      refused(
          "connect with a wrong password",
          () -> intruder.receive(Destinations.DESKTOP_IN, BRIEFLY));
    }
  }

  private static void refused(String what, Executable action) {
    JMSRuntimeException refusal =
        assertThrows(JMSRuntimeException.class, action, "may not " + what);
    if (!(refusal instanceof JMSSecurityRuntimeException)) {
      throw new AssertionError(
          "refused to " + what + " for another reason than security: " + refusal, refusal);
    }
  }
}
