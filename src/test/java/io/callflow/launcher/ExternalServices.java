package io.callflow.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server and an Artemis broker that run outside the test JVM (the external test run's:
 * Debian's PostgreSQL and a standalone Artemis, set up by {@code .ci/run-external}), with the
 * commands that stop and start them for the fault tests. Given as {@code callflow.external.*}
 * system properties.
 */
public record ExternalServices(
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String databaseStopCommand,
    String databaseStartCommand,
    String brokerHost,
    int brokerPort,
    String brokerStopCommand,
    String brokerStartCommand) {

  static final String PREFIX = "callflow.external.";

  /**
   * The external services the system properties name, if {@code callflow.external.db.url} is set.
   */
  public static Optional<ExternalServices> fromSystemProperties() {
    String url = System.getProperty(PREFIX + "db.url", "");
    if (url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new ExternalServices(
            url,
            required("db.user"),
            required("db.password"),
            required("db.stop-command"),
            required("db.start-command"),
            required("broker.host"),
            Integer.parseInt(required("broker.port")),
            required("broker.stop-command"),
            required("broker.start-command")));
  }

  /** Runs an operator command (a shell line) and fails unless it exits 0 within a minute. */
  static void run(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Did not finish within a minute: " + command);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("Exit code " + process.exitValue() + ": " + command);
    }
  }

  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private static String required(String key) {
    String value = System.getProperty(PREFIX + key, "");
    if (value.isBlank()) {
      throw new IllegalStateException(
          PREFIX + key + " is not set (needed with " + PREFIX + "db.url)");
    }
    return value;
  }
}
