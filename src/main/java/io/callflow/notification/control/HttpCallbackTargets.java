package io.callflow.notification.control;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where httpcb pushes may go: http or https URLs whose host does not resolve to a loopback,
 * private, link-local, unique-local, wildcard or multicast address — unless private targets are
 * allowed (the embedded start) or the host is listed. Checked at subscription and again at each
 * delivery, as a name may resolve elsewhere later.
 */
@ApplicationScoped
public class HttpCallbackTargets {

  /** Resolves a host name to its addresses. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private boolean allowPrivate;
  private Set<String> allowedHosts = Set.of();
  private Resolver resolver = InetAddress::getAllByName;

  @PostConstruct
  void configure() {
    var config = ConfigProvider.getConfig();
    configure(
        config
            .getOptionalValue(ConfigKeys.NOTIFICATION_HTTPCB_ALLOW_PRIVATE, Boolean.class)
            .orElse(false),
        config
            .getOptionalValue(ConfigKeys.NOTIFICATION_HTTPCB_ALLOWED_HOSTS, String.class)
            .orElse(""),
        InetAddress::getAllByName);
  }

  /** For tests and the container alike: the settings and the resolver to use. */
  public HttpCallbackTargets configure(
      boolean allowPrivate, String allowedHosts, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.allowedHosts =
        Arrays.stream(allowedHosts.split(","))
            .map(String::strip)
            .filter(h -> !h.isEmpty())
            .map(String::toLowerCase)
            .collect(Collectors.toUnmodifiableSet());
    this.resolver = resolver;
    return this;
  }

  /**
   * Why {@code url} may not receive pushes, or empty. A host that does not resolve now is accepted
   * at subscription ({@code strict} false) — DNS may be down for a moment — and refused at
   * delivery.
   */
  public Optional<String> problemWith(String url, boolean strict) {
    URI target;
    try {
      target = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return Optional.of("not a URL");
    }
    String scheme = target.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || target.getHost() == null) {
      return Optional.of("must be an http or https URL with a host");
    }
    String host = target.getHost().toLowerCase();
    if (allowPrivate || allowedHosts.contains(host)) {
      return Optional.empty();
    }
    List<InetAddress> addresses;
    try {
      addresses =
          List.of(
              resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
    } catch (UnknownHostException e) {
      return strict ? Optional.of("host " + host + " does not resolve") : Optional.empty();
    }
    return addresses.stream()
        .filter(HttpCallbackTargets::isInternal)
        .findFirst()
        .map(
            address ->
                "host "
                    + host
                    + " is "
                    + address.getHostAddress()
                    + ", an internal address; pushes go to public addresses only ("
                    + ConfigKeys.NOTIFICATION_HTTPCB_ALLOW_PRIVATE
                    + ")");
  }

  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }
    return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
        || (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254; // link-local (cloud metadata)
  }
}
