package io.callflow.notification.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Google on loopback: a token endpoint at {@code /token} and FCM's {@code messages:send}. Each
 * answers from its queue of replies, then with success; every request is recorded.
 */
final class FcmStub implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<StubRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<StubRequest> sendRequests = new CopyOnWriteArrayList<>();
  private final Deque<StubReply> tokenReplies = new ConcurrentLinkedDeque<>();
  private final Deque<StubReply> sendReplies = new ConcurrentLinkedDeque<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean stalled;

  FcmStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/token", exchange -> answer(exchange, tokenRequests, tokenReplies, this::token));
    server.createContext(
        "/v1/", exchange -> answer(exchange, sendRequests, sendReplies, FcmStub::messageName));
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  URI tokenUri() {
    return endpoint().resolve("/token");
  }

  /** The access token the stub issued n-th (1-based). */
  static String issuedToken(int n) {
    return "ya29.test-token-" + n;
  }

  void replyToSend(StubReply... replies) {
    sendReplies.addAll(List.of(replies));
  }

  void replyToToken(StubReply... replies) {
    tokenReplies.addAll(List.of(replies));
  }

  /** Send requests get no answer until the stub is closed. */
  void stall() {
    stalled = true;
  }

  List<StubRequest> tokenRequests() {
    return tokenRequests;
  }

  List<StubRequest> sendRequests() {
    return sendRequests;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private static String messageName() {
    return "{\"name\":\"projects/callflow-test/messages/1\"}";
  }

  private String token() {
    return "{\"access_token\":\""
        + issuedToken(tokensIssued.incrementAndGet())
        + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}";
  }

  private void answer(
      HttpExchange exchange,
      List<StubRequest> recorded,
      Deque<StubReply> replies,
      Supplier<String> success)
      throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      recorded.add(
          new StubRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getProtocol(),
              headers,
              body));
      if (stalled && recorded == sendRequests) {
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      StubReply reply = replies.poll();
      byte[] answer =
          (reply == null ? success.get() : reply.body()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      int status = reply == null ? 200 : reply.status();
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
