package io.callflow.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The apps' httpcb endpoint on loopback: notes when each push arrives ({@link System#nanoTime}), by
 * instance and action, and answers 200 at once.
 */
final class PushInbox implements AutoCloseable {

  /** One push: the instance, its {@code _action}, when it arrived. */
  record Push(String id, String action, long atNanos) {}

  private final HttpServer server;
  private final BlockingQueue<Push> arrivals = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<Push>> dialNumbers = new ConcurrentHashMap<>();

  private PushInbox(HttpServer server) {
    this.server = server;
  }

  static PushInbox start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    PushInbox inbox = new PushInbox(server);
    server.createContext("/", inbox::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    return inbox;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
  }

  /** Every push in order of arrival. */
  BlockingQueue<Push> arrivals() {
    return arrivals;
  }

  /** Completes when the DialNumber push for {@code id} arrives (or has arrived). */
  CompletableFuture<Push> dialNumber(String id) {
    return dialNumbers.computeIfAbsent(id, k -> new CompletableFuture<>());
  }

  void forget(String id) {
    dialNumbers.remove(id);
  }

  private void handle(HttpExchange exchange) throws IOException {
    long at = System.nanoTime();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
    JsonObject message;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      message = reader.readObject();
    } catch (RuntimeException notJson) {
      return;
    }
    Push push = new Push(message.getString("_id", ""), message.getString("_action", ""), at);
    arrivals.add(push);
    if (push.action().equals("DialNumber")) {
      dialNumber(push.id()).complete(push);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
