package io.callflow.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An app's webhook endpoint on loopback, as an httpcb subscriber: records every POST it receives
 * (headers, body, the status it answered) and answers as the test tells it to.
 */
public final class PushReceiver implements AutoCloseable {

  /** One request as received, and what it was answered. */
  public record Received(Map<String, List<String>> headers, String body, int answered, Instant at) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public boolean delivered() {
      return answered / 100 == 2;
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile boolean failingForever;
  private volatile CountDownLatch gate;

  private PushReceiver(HttpServer server) {
    this.server = server;
  }

  public static PushReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      PushReceiver receiver = new PushReceiver(server);
      server.createContext("/", receiver::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
  }

  /** Answers the next {@code times} requests with 500. */
  public PushReceiver failNext(int times) {
    failuresLeft.set(times);
    return this;
  }

  /** Answers 503 to everything until {@link #recover()}. */
  public PushReceiver failAlways() {
    failingForever = true;
    return this;
  }

  public PushReceiver recover() {
    failingForever = false;
    return this;
  }

  /** Holds every request until {@link #release()}: a slow subscriber. */
  public PushReceiver hold() {
    gate = new CountDownLatch(1);
    return this;
  }

  public void release() {
    CountDownLatch current = gate;
    if (current != null) {
      current.countDown();
    }
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> delivered() {
    return received.stream().filter(Received::delivered).toList();
  }

  public Received await(String what, Duration timeout, Predicate<Received> matching) {
    return Eventually.await(what, timeout, () -> received.stream().filter(matching).findFirst());
  }

  /** The create parameters that subscribe this receiver (httpcb) to the new instance. */
  public Map<String, String> registration() {
    return Map.of("_device_notification_id", url(), "_device_os", "httpcb");
  }

  /** Waits until GMS's push of {@code action} for the instance {@code id} has been delivered. */
  public Received awaitPush(String id, String action, Duration timeout) {
    return await(action + " pushed for " + id, timeout, r -> isPush(r, id, action));
  }

  /** The {@code _action}s delivered for the instance {@code id}, in order. */
  public List<String> pushedActions(String id) {
    return delivered().stream()
        .map(PushReceiver::message)
        .filter(m -> m.getString("_id").equals(id))
        .map(m -> m.getString("_action"))
        .toList();
  }

  /** GMS's push message a request carried. */
  public static JsonObject message(Received received) {
    try (JsonReader reader = Json.createReader(new StringReader(received.body()))) {
      return reader.readObject();
    }
  }

  private static boolean isPush(Received received, String id, String action) {
    if (!received.delivered()) {
      return false;
    }
    JsonObject message = message(received);
    return message.getString("_id").equals(id) && message.getString("_action").equals(action);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    CountDownLatch current = gate;
    if (current != null) {
      try {
        current.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int status =
        failingForever ? 503 : failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
    received.add(
        new Received(Map.copyOf(exchange.getRequestHeaders()), body, status, Instant.now()));
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
