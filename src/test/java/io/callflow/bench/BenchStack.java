package io.callflow.bench;

import io.callflow.bench.ceiling.CeilingTransactions;
import io.callflow.launcher.CallflowStack;
import io.callflow.launcher.EmbeddedDatabase;
import io.callflow.launcher.Folders;
import io.callflow.launcher.PayaraProcess;
import io.callflow.testing.GmsClient;
import io.callflow.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server under measurement, started as the integration tests start theirs (embedded PostgreSQL
 * and Artemis on free ports, Payara Micro with the product's RAR and WAR) plus the ceiling WAR; and
 * what the benchmark does to it between points: wait until it has recovered, reset the tables.
 */
final class BenchStack implements AutoCloseable {

  /**
   * The product's per-call tables, emptied before each point; configuration (pools, numbers,
   * services, queues, agents) stays. Tables missing from the schema are skipped, and any table
   * whose name says it is an outbox is emptied too.
   */
  static final List<String> PER_CALL_TABLES =
      List.of(
          "service_instance",
          "booking",
          "storage_entry",
          "idempotency_key",
          "queue_entry",
          "queue_wait",
          "dial_attempt",
          "call_result",
          "notification_delivery",
          "notification_subscription",
          "round_trip_probe");

  /** The size of the ceiling's table of numbers, as the hot path's pool. */
  static final int CEILING_NUMBERS = 1_000;

  private final CallflowStack stack;
  private final GmsClient gms;
  private final Connection sql;
  private final List<PayaraProcess> others = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<String> events = new ArrayList<>();

  private BenchStack(CallflowStack stack) throws SQLException {
    this.stack = stack;
    this.gms =
        new GmsClient(stack.baseUrl())
            .asAdministrator("admin", TestServer.ADMIN_PASSWORD)
            .withTimeout(Duration.ofSeconds(120));
    this.sql = stack.connectToDatabase();
    try (Statement name = sql.createStatement()) {
      name.execute("SET application_name = 'callflow-bench'");
    }
  }

  static BenchStack start(Path workDir) throws Exception {
    Path war = BenchWar.build(workDir.resolve("callflow-bench.war"));
    Path dataDir = Files.createTempDirectory("callflow-bench-");
    CallflowStack.Layout layout =
        TestServer.layout(dataDir, EmbeddedDatabase.MAX_PREPARED_TRANSACTIONS)
            .with(List.of(war), Map.of("callflow.allocation.per-client-per-minute", "0"));
    return new BenchStack(CallflowStack.start(layout));
  }

  CallflowStack stack() {
    return stack;
  }

  GmsClient gms() {
    return gms;
  }

  Connection sql() {
    return sql;
  }

  String baseUrl() {
    return stack.baseUrl();
  }

  /** What happened to the server that a reader must know (restarts after a stall). */
  List<String> events() {
    return events;
  }

  long postmasterPid() {
    return ProcessCpu.postmasterPid(stack.layout().dataDir().resolve("pg"));
  }

  List<Long> serverPids() {
    List<Long> pids = new ArrayList<>(List.of(stack.serverPid()));
    others.forEach(p -> pids.add(p.pid()));
    return pids;
  }

  /** A second server instance on the same database and broker; stopped by {@link #stopOthers}. */
  PayaraProcess startAnotherServer() throws Exception {
    PayaraProcess other = stack.startAnotherServer("second", TestServer.freePort());
    others.add(other);
    return other;
  }

  void stopOthers() throws Exception {
    for (PayaraProcess other : others) {
      other.close();
    }
    others.clear();
  }

  Usage usage() throws SQLException {
    double server = serverPids().stream().mapToDouble(ProcessCpu::ofProcess).sum();
    double compiler = serverPids().stream().mapToDouble(ProcessCpu::ofCompilerThreads).sum();
    long transactions;
    long ids;
    try (Statement query = sql.createStatement();
        ResultSet row =
            query.executeQuery(
                "SELECT xact_commit + xact_rollback, pg_current_xact_id()::text::bigint"
                    + " FROM pg_stat_database WHERE datname = current_database()")) {
      row.next();
      transactions = row.getLong(1);
      ids = row.getLong(2); // this read-only statement is given an id, counted in the idle too
    }
    return new Usage(
        System.nanoTime(),
        server,
        compiler,
        ProcessCpu.ofPostgres(postmasterPid()),
        Usage.currentJvmCpuMs(),
        transactions,
        ids,
        stack.brokerMessagesRouted());
  }

  /**
   * Waits until the server answers its readiness check within 3 s and no database session has been
   * busy for over a second (after a stalled point, requests the load generator gave up on may still
   * be held in the server). After {@code patience}, restarts the server and says so.
   */
  Duration awaitRecovered(Duration patience) throws Exception {
    long start = System.nanoTime();
    long deadline = start + patience.toNanos();
    int quietChecks = 0;
    while (quietChecks < 2) {
      if (System.nanoTime() > deadline) {
        String busy = busySessions();
        events.add(
            "server not recovered after " + patience.toSeconds() + " s (" + busy + "): restarted");
        System.out.println("bench: server not recovered (" + busy + "), restarting it");
        restartServer();
        return Duration.ofNanos(System.nanoTime() - start);
      }
      quietChecks = ready() && busySessions().isEmpty() ? quietChecks + 1 : 0;
      Thread.sleep(500);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Kills the server (a stalled one takes long to stop gracefully), ends the database sessions and
   * prepared transactions it left behind (a session waiting for a row lock notices its client is
   * gone only once it gets the lock), and starts it again.
   */
  private void restartServer() throws Exception {
    stack.killServer();
    terminateOtherSessions();
    stack.startServer();
  }

  private void terminateOtherSessions() throws SQLException {
    try (Statement terminate = sql.createStatement()) {
      terminate.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
              + " AND backend_type = 'client backend'");
    }
    rollBackPreparedTransactions(Duration.ZERO);
  }

  /**
   * Rolls back XA transactions left prepared for longer than {@code age} (a server stopped between
   * prepare and commit leaves them, holding their row locks, until its recovery runs).
   */
  private void rollBackPreparedTransactions(Duration age) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (Statement query = sql.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()"
                    + " AND prepared < now() - interval '"
                    + age.toSeconds()
                    + " seconds'")) {
      while (rows.next()) {
        stale.add(rows.getString(1));
      }
    }
    for (String gid : stale) {
      try (Statement rollback = sql.createStatement()) {
        rollback.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
      }
    }
    if (!stale.isEmpty()) {
      events.add(stale.size() + " prepared transaction(s) left by the server rolled back");
    }
  }

  private boolean ready() {
    try {
      HttpRequest check =
          HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/health/ready"))
              .timeout(Duration.ofSeconds(3))
              .build();
      return http.send(check, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private String busySessions() throws SQLException {
    try (Statement query = sql.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT state, count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                    + " AND state <> 'idle' AND now() - state_change > interval '1 second'"
                    + " GROUP BY state")) {
      List<String> busy = new ArrayList<>();
      while (rows.next()) {
        busy.add(rows.getLong(2) + " " + rows.getString(1));
      }
      return String.join(", ", busy);
    }
  }

  /**
   * Empties the per-call tables, frees the ceiling's numbers, then VACUUM ANALYZE. When a stalled
   * server's leftovers hold locks on them, ends those first and tries again once.
   */
  void resetTables() throws SQLException {
    try {
      truncate();
    } catch (SQLException e) {
      if (!"55P03".equals(e.getSQLState())) { // lock_not_available
        throw e;
      }
      events.add("tables locked at a reset (" + locksHeld() + "): stale sessions ended");
      try (Statement end = sql.createStatement()) {
        end.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND state <> 'idle' AND now() - state_change > interval '10 seconds'");
      }
      rollBackPreparedTransactions(Duration.ofSeconds(10));
      truncate();
    }
    vacuumAnalyze();
  }

  void vacuumAnalyze() throws SQLException {
    try (Statement vacuum = sql.createStatement()) {
      vacuum.execute("VACUUM ANALYZE");
    }
  }

  /**
   * Brings every live booking's expiry forward to now and waits, at most {@code patience}, until
   * the server's expiry sweep has ended them: after a load run they are the bookings of requests in
   * flight at its end, which no client will match.
   */
  void expireLiveBookings(Duration patience) throws Exception {
    int expired;
    try (Statement expire = sql.createStatement()) {
      expired = expire.executeUpdate("UPDATE booking SET expires_at = now() WHERE active");
    }
    long deadline = System.nanoTime() + patience.toNanos();
    while (expired > 0 && liveBookings() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private long liveBookings() throws SQLException {
    try (Statement count = sql.createStatement();
        ResultSet rows = count.executeQuery("SELECT count(*) FROM booking WHERE active")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Fresh planner statistics of every table. */
  void analyze() throws SQLException {
    try (Statement analyze = sql.createStatement()) {
      analyze.execute("ANALYZE");
    }
  }

  private void truncate() throws SQLException {
    try (Statement reset = sql.createStatement()) {
      reset.execute("SET lock_timeout = '20s'");
      List<String> present = perCallTablesPresent(reset);
      if (!present.isEmpty()) {
        reset.execute("TRUNCATE " + String.join(", ", present));
      }
      CeilingTransactions.reset(sql, CEILING_NUMBERS);
    }
  }

  private String locksHeld() throws SQLException {
    try (Statement query = sql.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT count(*) FILTER (WHERE gid IS NOT NULL), count(*) FILTER (WHERE state ="
                    + " 'idle in transaction'), count(*) FILTER (WHERE state = 'active')"
                    + " FROM (SELECT gid, NULL AS state FROM pg_prepared_xacts"
                    + " UNION ALL SELECT NULL, state FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()) s")) {
      rows.next();
      return rows.getLong(1)
          + " prepared, "
          + rows.getLong(2)
          + " idle in transaction, "
          + rows.getLong(3)
          + " active";
    }
  }

  private static List<String> perCallTablesPresent(Statement query) throws SQLException {
    List<String> present = new ArrayList<>();
    try (ResultSet rows =
        query.executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE'")) {
      while (rows.next()) {
        String table = rows.getString(1);
        if (PER_CALL_TABLES.contains(table) || table.contains("outbox")) {
          present.add(table);
        }
      }
    }
    return present.stream().sorted().collect(Collectors.toList());
  }

  @Override
  public void close() throws Exception {
    try {
      stopOthers();
      sql.close();
      stack.close();
    } finally {
      Folders.deleteTree(stack.layout().dataDir());
    }
  }
}
