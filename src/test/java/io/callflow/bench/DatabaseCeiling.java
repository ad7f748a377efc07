package io.callflow.bench;

import io.callflow.bench.ceiling.CeilingTransactions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database alone: the ceiling's two transactions (allocate, then release) in a closed loop from
 * JDBC threads of this JVM, no HTTP. Each thread has a connection of its own up to {@link
 * #MAX_CONNECTIONS}; more threads share that many, taking one for each allocate and release (the
 * database allows 200 sessions, which the server's pools share). Its generator CPU is this JVM's.
 */
final class DatabaseCeiling implements Points.Load {

  static final int MAX_CONNECTIONS = 100;

  private final String url;
  private final String user;
  private final String password;
  private final int connections;

  DatabaseCeiling(String url, String user, String password, int connections) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.connections = connections;
  }

  @Override
  public LoadResult run(Duration length) throws Exception {
    Histogram allocations = new Histogram();
    Histogram releases = new Histogram();
    AtomicBoolean stop = new AtomicBoolean();
    List<Connection> opened = new ArrayList<>();
    for (int i = 0; i < Math.min(connections, MAX_CONNECTIONS); i++) {
      opened.add(DriverManager.getConnection(url, user, password));
    }
    BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(opened.size(), false, opened);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Thread thread = new Thread(() -> loop(pool, allocations, releases, stop), "bench-jdbc");
      thread.start();
      threads.add(thread);
    }
    double cpuBefore = Usage.currentJvmCpuMs();
    long start = System.nanoTime();
    Thread.sleep(length.toMillis());
    stop.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = Usage.currentJvmCpuMs() - cpuBefore;
    for (Connection connection : opened) {
      connection.close();
    }
    Map<String, LoadResult.Kind> kinds = new LinkedHashMap<>();
    kinds.put("first", allocations.toKind(0));
    kinds.put("second", releases.toKind(0));
    return new LoadResult(seconds, kinds, cpu);
  }

  private static void loop(
      BlockingQueue<Connection> pool,
      Histogram allocations,
      Histogram releases,
      AtomicBoolean stop) {
    while (!stop.get()) {
      Connection connection;
      try {
        connection = pool.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        long t0 = System.nanoTime();
        Optional<CeilingTransactions.Booking> booked = CeilingTransactions.allocate(connection);
        long t1 = System.nanoTime();
        allocations.record((t1 - t0) / 1000, booked.isPresent() ? "ok" : "none free");
        if (booked.isPresent()) {
          boolean released = CeilingTransactions.release(connection, booked.get());
          releases.record((System.nanoTime() - t1) / 1000, released ? "ok" : "not found");
        }
      } catch (java.sql.SQLException e) {
        allocations.record(0, "error");
      } finally {
        pool.add(connection);
      }
    }
  }
}
