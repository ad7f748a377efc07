package io.callflow.platform.security;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The apps' credentials when the app APIs require authentication ({@link ConfigKeys#APP_AUTH}):
 * Basic users and bearer tokens from configuration. Only digests are kept, passwords are compared
 * in constant time, and neither passwords nor tokens are ever logged.
 */
@ApplicationScoped
public class AppCredentials {

  /** How an app may prove who it is. */
  public enum Scheme {
    BASIC,
    BEARER
  }

  private static final Logger LOG = Logger.getLogger(AppCredentials.class.getName());

  private Set<Scheme> schemes = EnumSet.noneOf(Scheme.class);
  private final Map<String, byte[]> passwordDigests = new HashMap<>();
  private final Map<String, String> principalsByTokenDigest = new HashMap<>();

  @PostConstruct
  void configure() {
    var config = ConfigProvider.getConfig();
    schemes = schemes(config.getOptionalValue(ConfigKeys.APP_AUTH, String.class).orElse("none"));
    pairs(
            config.getOptionalValue(ConfigKeys.APP_USERS, String.class).orElse(""),
            ConfigKeys.APP_USERS)
        .forEach((user, password) -> passwordDigests.put(user, digest(password)));
    pairs(
            config.getOptionalValue(ConfigKeys.APP_TOKENS, String.class).orElse(""),
            ConfigKeys.APP_TOKENS)
        .forEach(
            (token, principal) ->
                principalsByTokenDigest.put(HexFormat.of().formatHex(digest(token)), principal));
    if (schemes.contains(Scheme.BASIC) && passwordDigests.isEmpty()
        || schemes.contains(Scheme.BEARER) && principalsByTokenDigest.isEmpty()) {
      LOG.warning(
          ConfigKeys.APP_AUTH
              + " asks for credentials that are not configured ("
              + ConfigKeys.APP_USERS
              + ", "
              + ConfigKeys.APP_TOKENS
              + "): such apps are refused");
    }
    if (!schemes.isEmpty()) {
      LOG.info("App APIs require authentication: " + schemes);
    }
  }

  /** Whether apps must authenticate at all. */
  public boolean required() {
    return !schemes.isEmpty();
  }

  public Set<Scheme> schemes() {
    return Set.copyOf(schemes);
  }

  /** The app user, if Basic is accepted and the password is right. */
  public Optional<String> basic(String user, String password) {
    byte[] expected = passwordDigests.get(user);
    boolean right = expected != null && MessageDigest.isEqual(expected, digest(password));
    return schemes.contains(Scheme.BASIC) && right ? Optional.of(user) : Optional.empty();
  }

  /** The token's principal, if bearer tokens are accepted and the token is known. */
  public Optional<String> bearer(String token) {
    if (!schemes.contains(Scheme.BEARER)) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        principalsByTokenDigest.get(HexFormat.of().formatHex(digest(token))));
  }

  static Set<Scheme> schemes(String setting) {
    Set<Scheme> chosen = EnumSet.noneOf(Scheme.class);
    for (String name : setting.split(",")) {
      String scheme = name.strip().toUpperCase(Locale.ROOT);
      if (scheme.isEmpty() || scheme.equals("NONE")) {
        continue;
      }
      try {
        chosen.add(Scheme.valueOf(scheme));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            ConfigKeys.APP_AUTH
                + " takes none, basic, bearer or basic,bearer, not "
                + name.strip());
      }
    }
    return chosen;
  }

  /** {@code a:b,c:d} as a map; the value is everything after the first colon. */
  static Map<String, String> pairs(String setting, String key) {
    Map<String, String> pairs = new HashMap<>();
    for (String pair : setting.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        // the entry itself is a secret: say which one by position only
        throw new IllegalStateException(
            key
                + " takes name:value pairs separated by commas; entry "
                + (pairs.size() + 1)
                + " is not one");
      }
      pairs.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
    }
    return pairs;
  }

  static byte[] digest(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
