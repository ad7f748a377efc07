package io.callflow.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The integration tests' HTTP driver for the Service API, the admin API and the platform endpoints,
 * speaking exactly what a GMS client sends.
 */
public final class GmsClient {

  /** One answer: status, content type and body. */
  public record Reply(
      int status, String contentType, String body, java.net.http.HttpHeaders headers) {

    public java.util.Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    /** The body as a JSON array (Callback API record queries). */
    public jakarta.json.JsonArray jsonArray() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readArray();
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  private final String baseUrl;
  private final HttpClient http;
  private final Map<String, String> headers;
  private final String adminAuthorization;
  private final Duration timeout;

  public GmsClient(String baseUrl) {
    this(
        baseUrl,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        Map.of(),
        null,
        Duration.ofSeconds(30));
  }

  private GmsClient(
      String baseUrl,
      HttpClient http,
      Map<String, String> headers,
      String adminAuthorization,
      Duration timeout) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.headers = headers;
    this.adminAuthorization = adminAuthorization;
    this.timeout = timeout;
  }

  /** A client that waits up to {@code timeout} for each answer (30 s otherwise). */
  public GmsClient withTimeout(Duration timeout) {
    return new GmsClient(baseUrl, http, headers, adminAuthorization, timeout);
  }

  /** A client that also sends this header on every request, e.g. {@code gms_user}. */
  public GmsClient withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new GmsClient(baseUrl, http, Map.copyOf(more), adminAuthorization, timeout);
  }

  /**
   * A client that sends these Basic credentials with requests to the admin API ({@code /admin/…}).
   */
  public GmsClient asAdministrator(String user, String password) {
    String token =
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new GmsClient(baseUrl, http, headers, "Basic " + token, timeout);
  }

  /**
   * A client on connections of its own that speak HTTP/1.1 only, as apps and IVRs do: the default
   * client multiplexes its requests over HTTP/2 when the server offers it.
   */
  public GmsClient overHttp11() {
    return new GmsClient(
        baseUrl,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build(),
        headers,
        adminAuthorization,
        timeout);
  }

  /** The same client without admin credentials. */
  public GmsClient anonymous() {
    return new GmsClient(baseUrl, http, headers, null, timeout);
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Reply postForm(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A body exactly as given, e.g. a hand-built multipart form. */
  public Reply post(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /**
   * A DELETE with a JSON body, as the admin API's bulk removals take. Sent over HTTP/1.1, as curl
   * sends it: there, the server must be configured to accept a body on DELETE
   * (server-config/pre-boot.txt).
   */
  public Reply deleteJson(String path, String json) {
    return send(
        request(path)
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Any method with any body and content type, over HTTP/1.1, as a hostile client would send it.
   */
  public Reply send(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = request(path).version(HttpClient.Version.HTTP_1_1);
    if (method.equals("GET")) {
      return send(request.GET());
    }
    return send(
        request
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
    headers.forEach(request::header);
    if (adminAuthorization != null && path.startsWith("/admin")) {
      request.header("Authorization", adminAuthorization);
    }
    return request;
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse(""),
          answer.body(),
          answer.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
