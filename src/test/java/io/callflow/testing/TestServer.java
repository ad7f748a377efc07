package io.callflow.testing;

import io.callflow.desktop.reference.DesktopClient;
import io.callflow.launcher.BrokerAccount;
import io.callflow.launcher.CallflowStack;
import io.callflow.launcher.EmbeddedDatabase;
import io.callflow.launcher.ExternalServices;
import io.callflow.launcher.Folders;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server every integration test talks to: started once per test run, on the first call, with
 * its own embedded PostgreSQL and broker on free ports and in a temporary folder, so a development
 * server can run beside it — or, in the external test run ({@code callflow.external.*} properties),
 * against a PostgreSQL server and a standalone broker of its own. Payara's output goes to {@code
 * target/payara-it.log}.
 */
public final class TestServer {

  /**
   * Server configuration for tests: push retries that fit a test's patience (2 s, then 4 s; three
   * attempts in all) yet leave room to stop the server between two attempts; pushes to loopback.
   */
  public static final java.util.Map<String, String> SERVER_PROPERTIES =
      java.util.Map.of(
          "callflow.notification.retry-base-ms", "2000",
          "callflow.notification.max-attempts", "3",
          // the test receivers listen on loopback, which production refuses as a push target
          "callflow.notification.httpcb.allow-private", "true",
          "callflow.admin.password", TestServer.ADMIN_PASSWORD,
          // the pages' browser stories play the customer demo
          "callflow.demo.enabled", "true",
          "callflow.desktop.accounts", TestServer.DESKTOP_ACCOUNTS,
          // the console's pool samples every five seconds, so a test sees one soon
          "callflow.console.sample-seconds", "5",
          // a stream whose client left is found within seconds
          "callflow.streams.keep-alive-seconds", "1",
          // the concurrency tests ask from one client on purpose; the limit itself has its own test
          "callflow.allocation.per-client-per-minute", "0");

  /** Agents who may sign in on the desktop page of test servers, as {@code agentId:password}. */
  public static final String DESKTOP_ACCOUNTS =
      "desk-it:desk-it-secret,desk-story:desk-story-secret";

  /** The administrator's password on test servers; {@link #gms()} sends it to the admin API. */
  public static final String ADMIN_PASSWORD = "test-admin-secret";

  private static CallflowStack stack;
  private static IllegalStateException startFailure;

  private TestServer() {}

  public static synchronized CallflowStack stack() {
    if (startFailure != null) {
      throw startFailure; // one failed start per run, not one per test
    }
    if (stack == null) {
      try {
        stack =
            CallflowStack.start(
                layout(
                    Files.createTempDirectory("callflow-it-"),
                    EmbeddedDatabase.MAX_PREPARED_TRANSACTIONS),
                ExternalServices.fromSystemProperties());
      } catch (Exception e) {
        startFailure =
            new IllegalStateException(
                "Test server failed to start (see target/payara-it.log): " + e, e);
        throw startFailure;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestServer::stop, "callflow-it-stop"));
    }
    return stack;
  }

  /**
   * A stack of its own, for tests that need a server configured differently from the shared one.
   */
  public static CallflowStack.Layout layout(Path dataDir, int maxPreparedTransactions) {
    return new CallflowStack.Layout(
        dataDir,
        freePort(),
        freePort(),
        freePort(),
        true,
        Path.of(property("callflow.server-config")),
        Path.of(property("payara.jar")),
        Path.of(property("callflow.rar")),
        Path.of(property("callflow.war")),
        log(),
        maxPreparedTransactions,
        SERVER_PROPERTIES);
  }

  /** A client of the test server that authenticates as the administrator on the admin API. */
  public static GmsClient gms() {
    return new GmsClient(stack().baseUrl()).asAdministrator("admin", ADMIN_PASSWORD);
  }

  /**
   * A JMS client of the test broker with the server's rights (events, dead letters, every queue).
   */
  public static JmsClient jms() {
    return jms(BrokerAccount.SERVER);
  }

  /** An agent's desktop on the test broker, with the broker user of desktops. */
  public static DesktopClient desktop(String agentId) {
    BrokerAccount desktops = BrokerAccount.DESKTOP;
    return DesktopClient.connect(
        stack().brokerUrl(), desktops.user(), desktops.password(), agentId);
  }

  /** A JMS client of the test broker as {@code account}, with that role's rights only. */
  public static JmsClient jms(BrokerAccount account) {
    return new JmsClient(stack().brokerUrl(), account.user(), account.password());
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The server log's last warnings and errors, and the application's own lines, for a failure's
   * message.
   */
  public static java.util.List<String> recentLog(int lines) {
    try (var all = Files.lines(Path.of(property("callflow.it.log")), StandardCharsets.UTF_8)) {
      java.util.List<String> kept =
          all.filter(
                  l -> l.contains("io.callflow") || l.contains("SEVERE") || l.contains("Exception"))
              .filter(l -> !l.contains("AMQ222166"))
              .collect(java.util.stream.Collectors.toList());
      return kept.subList(Math.max(0, kept.size() - lines), kept.size());
    } catch (IOException | UncheckedIOException e) {
      return java.util.List.of("(server log unreadable: " + e + ")");
    }
  }

  private static PrintStream log() {
    try {
      return new PrintStream(
          new FileOutputStream(property("callflow.it.log"), true), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run integration tests with mvn verify");
    }
    return value;
  }

  private static synchronized void stop() {
    try {
      if (stack != null) {
        stack.close();
        Folders.deleteTree(
            stack.layout().dataDir()); // a run leaves ~200 MB of database and journal otherwise
      }
    } catch (Exception e) {
      System.err.println("Test server did not stop cleanly: " + e);
    }
  }
}
