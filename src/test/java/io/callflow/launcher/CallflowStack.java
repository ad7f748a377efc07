package io.callflow.launcher;

import io.callflow.platform.messaging.Destinations;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole product on one machine: embedded PostgreSQL, embedded Artemis and Payara Micro running
 * the resource adapter and the WAR, all under one data folder. The README's run command and the
 * integration tests both start it; tests may restart the server or the broker within a run.
 */
public final class CallflowStack implements AutoCloseable {

  /** Where everything lives and listens. */
  public record Layout(
      Path dataDir,
      int httpPort,
      int brokerPort,
      int databasePort,
      boolean httpOnLoopbackOnly,
      Path serverConfig,
      Path payaraJar,
      Path rar,
      Path war,
      PrintStream payaraOutput,
      int maxPreparedTransactions,
      Map<String, String> serverProperties,
      List<Path> extraDeployments) {

    /** A layout that deploys the product's RAR and WAR only. */
    public Layout(
        Path dataDir,
        int httpPort,
        int brokerPort,
        int databasePort,
        boolean httpOnLoopbackOnly,
        Path serverConfig,
        Path payaraJar,
        Path rar,
        Path war,
        PrintStream payaraOutput,
        int maxPreparedTransactions,
        Map<String, String> serverProperties) {
      this(
          dataDir,
          httpPort,
          brokerPort,
          databasePort,
          httpOnLoopbackOnly,
          serverConfig,
          payaraJar,
          rar,
          war,
          payaraOutput,
          maxPreparedTransactions,
          serverProperties,
          List.of());
    }

    /**
     * This layout with more archives deployed after the WAR (e.g. the benchmark's ceiling WAR) and
     * more server properties.
     */
    public Layout with(List<Path> deployments, Map<String, String> properties) {
      Map<String, String> merged = new LinkedHashMap<>(serverProperties);
      merged.putAll(properties);
      return new Layout(
          dataDir,
          httpPort,
          brokerPort,
          databasePort,
          httpOnLoopbackOnly,
          serverConfig,
          payaraJar,
          rar,
          war,
          payaraOutput,
          maxPreparedTransactions,
          merged,
          deployments);
    }

    Path databaseDir() {
      return dataDir.resolve("pg");
    }

    Path brokerDir() {
      return dataDir.resolve("broker");
    }

    Path payaraPidFile() {
      return dataDir.resolve("payara.pid");
    }
  }

  public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
  public static final Duration LISTENER_TIMEOUT = Duration.ofSeconds(60);

  /** The queues the server's message-driven beans consume. */
  static final List<String> LISTENED_QUEUES =
      List.of(
          Destinations.DIAGNOSTICS,
          Destinations.NOTIFICATION_DELIVERY,
          Destinations.DESKTOP_IN,
          Destinations.ROUTING);

  private final Layout layout;
  private final Optional<ExternalServices> external;
  private DatabaseService database;
  private BrokerService broker;
  private PayaraProcess payara;

  private CallflowStack(Layout layout, Optional<ExternalServices> external) {
    this.layout = layout;
    this.external = external;
  }

  /** Everything embedded. */
  public static CallflowStack start(Layout layout) throws Exception {
    return start(layout, Optional.empty());
  }

  /**
   * With {@code external} services, the server runs against that PostgreSQL and that broker (the
   * layout's database and broker ports are not used); otherwise against embedded ones.
   */
  public static CallflowStack start(Layout layout, Optional<ExternalServices> external)
      throws Exception {
    Files.createDirectories(layout.dataDir());
    StaleProcesses.stop(layout.payaraPidFile(), layout.databaseDir());
    CallflowStack stack = new CallflowStack(layout, external);
    try {
      if (external.isPresent()) { // running already: their operator started them
        stack.database = ExternalDatabase.connect(external.get());
        stack.broker = ExternalBroker.connect(external.get());
      } else {
        stack.startDatabase();
        stack.startBroker();
      }
      stack.startServer();
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /**
   * Starts Payara Micro and waits until the application is ready and its message-driven beans
   * listen (readiness says the broker is reachable, not that every listener has attached yet).
   */
  public synchronized void startServer() throws Exception {
    payara = PayaraProcess.start(payaraSettings());
    payara.awaitReady(STARTUP_TIMEOUT);
    awaitListeners(LISTENER_TIMEOUT);
  }

  /**
   * Waits until every queue a message-driven bean consumes has a consumer on the broker: after a
   * server start, or after the broker came back, the resource adapter attaches them on its own
   * time.
   */
  public void awaitListeners(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String queue : LISTENED_QUEUES) {
      while (brokerConsumers(queue) == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("No listener on " + queue + " within " + timeout);
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Another Payara Micro with the same WAR on the same database and broker, as a second server
   * instance of a production cluster would be; ready when this returns. The caller stops it.
   */
  public PayaraProcess startAnotherServer(String name, int httpPort) throws Exception {
    return startAnotherServer(name, httpPort, Map.of());
  }

  /**
   * Another server instance, configured with {@code properties} on top of this one's configuration.
   */
  public PayaraProcess startAnotherServer(String name, int httpPort, Map<String, String> properties)
      throws Exception {
    PayaraProcess.Settings mine = payaraSettings();
    Map<String, String> configuration = new LinkedHashMap<>(mine.systemProperties());
    configuration.putAll(properties);
    PayaraProcess other =
        PayaraProcess.start(
            new PayaraProcess.Settings(
                mine.payaraJar(),
                mine.rar(),
                mine.war(),
                layout.dataDir().resolve("payara-" + name),
                layout.dataDir().resolve("payara-" + name + ".pid"),
                httpPort,
                mine.loopbackOnly(),
                mine.serverConfig(),
                configuration,
                mine.output(),
                List.of()));
    other.awaitReady(STARTUP_TIMEOUT);
    return other;
  }

  /** Stops Payara Micro gracefully (SIGTERM), leaving database and broker running. */
  public synchronized void stopServer() throws Exception {
    if (payara != null) {
      payara.close();
      payara = null;
    }
  }

  /**
   * Kills Payara Micro with SIGKILL (in-flight work, held timers and open transactions and all).
   */
  public synchronized void killServer() throws Exception {
    if (payara != null) {
      payara.kill();
      payara = null;
    }
  }

  public void restartServer() throws Exception {
    stopServer();
    startServer();
  }

  /** Stops PostgreSQL (fast shutdown), leaving the server and the broker running. */
  public synchronized void stopDatabase() throws Exception {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** Starts PostgreSQL (again, on the same data and port). */
  public synchronized void startDatabase() throws Exception {
    database =
        external.isPresent()
            ? ExternalDatabase.start(external.get())
            : EmbeddedDatabase.start(
                layout.databaseDir(), layout.databasePort(), layout.maxPreparedTransactions());
  }

  public synchronized void startBroker() throws Exception {
    broker =
        external.isPresent()
            ? ExternalBroker.start(external.get())
            : EmbeddedBroker.start(
                layout.brokerDir(),
                layout.brokerPort(),
                layout.serverConfig().resolve("broker.xml"));
  }

  public synchronized void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  /** Returns once Payara Micro exits, with its exit code. */
  public int awaitServerExit() throws InterruptedException {
    return payara.waitFor();
  }

  /** The server's process id (Payara Micro), for measuring what it costs. */
  public synchronized long serverPid() {
    return payara.pid();
  }

  /**
   * Messages sent to the broker's addresses since it started (each send counts once, however many
   * queues it reaches, none included), or -1 where the broker cannot tell.
   */
  public synchronized long brokerMessagesRouted() {
    return broker == null ? -1 : broker.messagesRouted();
  }

  /** Consumers the broker counts on a queue now: message-driven beans that are connected. */
  public synchronized int brokerConsumers(String queue) {
    return broker == null ? 0 : broker.consumerCount(queue);
  }

  /** The filters of the subscriptions a broker topic has now ("" for one without a filter). */
  public synchronized java.util.List<String> brokerSubscriptionFilters(String address) {
    return broker == null ? java.util.List.of() : broker.subscriptionFilters(address);
  }

  /** What a broker queue holds now, for a failing test's message. */
  public synchronized String brokerQueueSummary(String queue) {
    return broker == null ? queue + ": the broker is stopped" : broker.queueSummary(queue);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + layout.httpPort();
  }

  public String brokerUrl() {
    return "tcp://" + brokerHost() + ":" + brokerPort();
  }

  private String brokerHost() {
    return external.map(ExternalServices::brokerHost).orElse("127.0.0.1");
  }

  private int brokerPort() {
    return external.map(ExternalServices::brokerPort).orElse(layout.brokerPort());
  }

  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  /**
   * A connection to the server's database, as the server's own user, for tests that look at rows.
   */
  public Connection connectToDatabase() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  /** The number a {@code SELECT count(*) …} answers on the server's database, for assertions. */
  public long count(String sql, Object... parameters) {
    try (Connection db = connectToDatabase();
        java.sql.PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (java.sql.ResultSet result = query.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public Layout layout() {
    return layout;
  }

  private PayaraProcess.Settings payaraSettings() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("callflow.db.url", database.jdbcUrl());
    properties.put("callflow.db.user", database.user());
    properties.put("callflow.db.password", database.password());
    properties.put(
        "callflow.broker.connection-parameters", "host=" + brokerHost() + ";port=" + brokerPort());
    properties.put("callflow.broker.user", BrokerAccount.SERVER.user());
    properties.put("callflow.broker.password", BrokerAccount.SERVER.password());
    properties.put("callflow.seed.path", layout.serverConfig().resolve("seed.json").toString());
    properties.putAll(layout.serverProperties());
    return new PayaraProcess.Settings(
        layout.payaraJar(),
        layout.rar(),
        layout.war(),
        layout.dataDir().resolve("payara"),
        layout.payaraPidFile(),
        layout.httpPort(),
        layout.httpOnLoopbackOnly(),
        layout.serverConfig(),
        properties,
        layout.payaraOutput(),
        layout.extraDeployments());
  }

  @Override
  public synchronized void close() throws Exception {
    Exception first = null;
    for (AutoCloseable part : new AutoCloseable[] {payara, broker, database}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    payara = null;
    broker = null;
    database = null;
    if (first != null) {
      throw first;
    }
  }
}
