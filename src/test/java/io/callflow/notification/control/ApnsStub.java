package io.callflow.notification.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * APNs on loopback: HTTP/2 over TLS with ALPN offering {@code h2} only, as Apple's servers do, so a
 * client that cannot speak HTTP/2 fails here as it would there. The certificate is self-signed and
 * made by keytool for each stub; {@link #clientTrust()} trusts it. Answers from its queue of
 * replies, then 200; every request is recorded.
 */
final class ApnsStub implements AutoCloseable {

  private static final String PASSWORD = "apns-stub";

  private final Server server = new Server();
  private final ServerConnector connector;
  private final Path keyStore;
  private final List<StubRequest> requests = new CopyOnWriteArrayList<>();
  private final Deque<StubReply> replies = new ConcurrentLinkedDeque<>();

  /**
   * Plain HTTP/1.1, the simplest stand-in. The JDK client offers an h2c upgrade on it, which an
   * HTTP/1.1 server ignores; even Jetty's h2c support would not upgrade a request with a body.
   */
  ApnsStub() throws Exception {
    keyStore = null;
    connector = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
    start();
  }

  ApnsStub(Path folder) throws Exception {
    keyStore = selfSignedKeyStore(folder);
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(keyStore.toString());
    tls.setKeyStorePassword(PASSWORD);
    tls.setKeyStoreType("PKCS12");
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(new HttpConfiguration());
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(h2.getProtocol());
    alpn.setDefaultProtocol(h2.getProtocol());
    connector =
        new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, h2);
    start();
  }

  private void start() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Recorder());
    server.start();
  }

  URI endpoint() {
    return URI.create(
        (keyStore == null ? "http" : "https") + "://127.0.0.1:" + connector.getLocalPort());
  }

  /** TLS that trusts this stub's certificate and nothing else. */
  SSLContext clientTrust() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  void reply(StubReply... next) {
    replies.addAll(List.of(next));
  }

  List<StubRequest> requests() {
    return requests;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static Path selfSignedKeyStore(Path folder) throws IOException, InterruptedException {
    Path store = folder.resolve("apns-stub.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "apns-stub",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool could not make the stub's certificate: " + output);
    }
    return store;
  }

  private final class Recorder extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Map<String, String> headers = new TreeMap<>();
      for (HttpField field : request.getHeaders()) {
        headers.merge(field.getLowerCaseName(), field.getValue(), (a, b) -> a + "," + b);
      }
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      requests.add(
          new StubRequest(
              request.getMethod(),
              request.getHttpURI().getPath(),
              request.getConnectionMetaData().getProtocol(),
              headers,
              body));
      StubReply reply = replies.poll();
      response.setStatus(reply == null ? 200 : reply.status());
      // APNs answers with the request's apns-id, or one of its own
      response
          .getHeaders()
          .put("apns-id", headers.getOrDefault("apns-id", UUID.randomUUID().toString()));
      if (reply == null || reply.body().isEmpty()) {
        response.write(true, null, callback);
      } else {
        response.getHeaders().put("content-type", "application/json");
        Content.Sink.write(response, true, reply.body(), callback);
      }
      return true;
    }
  }
}
