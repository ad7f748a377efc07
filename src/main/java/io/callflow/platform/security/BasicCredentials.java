package io.callflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user and password of an {@code Authorization: Basic …} header (RFC 7617): the scheme in any
 * case, then Base64 of {@code user:password} in UTF-8, the password being everything after the
 * first colon. A header that is not such is no credential at all. The password is never shown.
 */
record BasicCredentials(String user, String password) {

  private static final String SCHEME = "Basic ";

  /** Whether the header offers Basic credentials; the one test every request pays. */
  static boolean offered(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  static Optional<BasicCredentials> of(String authorization) {
    if (!offered(authorization)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + "]";
  }
}
