package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** httpcb targets: public addresses only, unless private ones are allowed or the host is listed. */
class HttpCallbackTargetsTest {

  private static final Map<String, String> DNS =
      Map.of(
          "hooks.example.com",
          "93.184.216.34",
          "sneaky.example.com",
          "10.0.0.7",
          "gateway.internal",
          "10.1.2.3");

  private final HttpCallbackTargets production =
      new HttpCallbackTargets()
          .configure(false, "gateway.internal", HttpCallbackTargetsTest::resolve);

  @Test
  void publicTargetsPass() {
    assertEquals(Optional.empty(), production.problemWith("https://hooks.example.com/push", true));
    assertEquals(Optional.empty(), production.problemWith("http://93.184.216.34:8443/push", true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000/push",
        "http://localhost/push",
        "http://10.0.0.1/",
        "http://192.168.1.10/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/push",
        "http://[fd00::1]/push",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "https://sneaky.example.com/push"
      })
  void internalTargetsAreRefused(String url) {
    assertTrue(production.problemWith(url, true).orElse("").contains("internal address"), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://hooks.example.com/",
        "file:///etc/passwd",
        "hooks.example.com/push",
        "http:///nohost",
        "not a url"
      })
  void onlyHttpUrlsWithAHost(String url) {
    assertTrue(production.problemWith(url, true).isPresent(), url);
  }

  @Test
  void listedHostsAndTheEmbeddedStartMayGoInside() {
    assertEquals(Optional.empty(), production.problemWith("http://gateway.internal/hook", true));
    HttpCallbackTargets embedded =
        new HttpCallbackTargets().configure(true, "", HttpCallbackTargetsTest::resolve);
    assertEquals(Optional.empty(), embedded.problemWith("http://127.0.0.1:9000/push", true));
  }

  @Test
  void anUnresolvableHostIsAcceptedAtSubscriptionAndRefusedAtDelivery() {
    assertEquals(Optional.empty(), production.problemWith("https://not-yet.example.com/", false));
    assertTrue(
        production
            .problemWith("https://not-yet.example.com/", true)
            .orElse("")
            .contains("does not resolve"));
  }

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String address = DNS.get(host);
    if (address != null) {
      return new InetAddress[] {InetAddress.getByName(address)};
    }
    if (host.equals("localhost") || Character.isDigit(host.charAt(0)) || host.contains(":")) {
      return InetAddress.getAllByName(host); // literals resolve without DNS
    }
    throw new UnknownHostException(host);
  }
}
