package io.callflow.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The README's run command ({@code mvn -Prun package}): Callflow in the foreground on port 8080
 * with an embedded PostgreSQL and an embedded Artemis broker ({@code tcp://127.0.0.1:61616}), their
 * data under {@code ./data}. SIGINT or SIGTERM stops everything; a start after a {@code kill -9}
 * cleans up first.
 *
 * <p>System properties: {@code callflow.data}, {@code callflow.http.port} (8080), {@code
 * callflow.broker.port} (61616), {@code callflow.db.port} (15432); the build passes the paths of
 * the WAR, the RAR and Payara Micro.
 */
public final class CallflowLauncher {

  private CallflowLauncher() {}

  public static void main(String[] args) throws Exception {
    Instant begin = Instant.now();
    CallflowStack.Layout layout =
        new CallflowStack.Layout(
            Path.of(System.getProperty("callflow.data", "data")).toAbsolutePath(),
            Integer.getInteger("callflow.http.port", 8080),
            Integer.getInteger("callflow.broker.port", 61616),
            Integer.getInteger("callflow.db.port", 15432),
            false,
            Path.of(System.getProperty("callflow.server-config", "server-config")).toAbsolutePath(),
            Path.of(required("payara.jar")),
            Path.of(required("callflow.rar")),
            Path.of(required("callflow.war")),
            System.out,
            EmbeddedDatabase.MAX_PREPARED_TRANSACTIONS,
            // the embedded start is for trying things on one machine: pushes to local receivers are
            // fine
            java.util.Map.of(
                "callflow.notification.httpcb.allow-private",
                "true",
                // the admin API needs a password; this one is for trying things locally only
                "callflow.admin.password",
                System.getProperty("callflow.admin.password", "admin"),
                // the newcomer's tour starts at the customer demo page
                "callflow.demo.enabled",
                "true",
                // demo agents for the desktop page
                "callflow.desktop.accounts",
                "agent1:agent1,agent2:agent2"));
    System.out.println(
        "Starting Callflow: PostgreSQL on 127.0.0.1:"
            + layout.databasePort()
            + ", Artemis on tcp://127.0.0.1:"
            + layout.brokerPort()
            + ", data in "
            + layout.dataDir());
    CallflowStack stack = CallflowStack.start(layout);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack), "callflow-stop"));
    System.out.printf(
        "%nCallflow is ready in %d s at http://localhost:%d (try /health/ready, /openapi, /genesys/1/...)."
            + "%nCustomer demo: http://localhost:%d/demo/ ; agent desktop: http://localhost:%d/desktop/"
            + " (agent1 / agent1)"
            + "%nThe admin API (/admin) takes user admin, password %s. Agent desktops connect to tcp://127.0.0.1:%d"
            + " as user %s, password %s. Stop with Ctrl+C.%n%n",
        Duration.between(begin, Instant.now()).toSeconds(),
        layout.httpPort(),
        layout.httpPort(),
        layout.httpPort(),
        layout.serverProperties().get("callflow.admin.password"),
        layout.brokerPort(),
        BrokerAccount.DESKTOP.user(),
        BrokerAccount.DESKTOP.password());
    int exit = stack.awaitServerExit();
    // reached only when Payara Micro stopped on its own: take the rest down and say so
    System.err.println("Payara Micro exited with code " + exit + "; stopping.");
    System.exit(exit == 0 ? 1 : exit);
  }

  private static void stop(CallflowStack stack) {
    System.out.println("Stopping Callflow...");
    try {
      stack.close();
      System.out.println("Callflow stopped.");
    } catch (Exception e) {
      System.err.println("Callflow did not stop cleanly: " + e);
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          "System property " + property + " is not set; start with mvn -Prun package");
    }
    return value;
  }
}
