package io.callflow.desktop.boundary;

import io.callflow.platform.rest.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response.Status;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * An agent signed in on the desktop page: kept in the HTTP session, with the token every
 * state-changing request of the page must echo in {@value #TOKEN_HEADER}. A cross-site page can
 * neither read the token nor send that header without a CORS grant, which this server never gives.
 */
record DesktopSignIn(String agentId, String csrfToken) implements Serializable {

  static final String TOKEN_HEADER = "X-CSRF-Token";
  private static final String ATTRIBUTE = DesktopSignIn.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Starts a new session for {@code agentId}: a fresh id, so none chosen before sign-in lives on.
   */
  static DesktopSignIn start(HttpServletRequest request, String agentId) {
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    DesktopSignIn signIn =
        new DesktopSignIn(agentId, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    request.getSession(true).setAttribute(ATTRIBUTE, signIn);
    return signIn;
  }

  /** The signed-in agent of this session, or 401. */
  static DesktopSignIn current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object signIn = session == null ? null : session.getAttribute(ATTRIBUTE);
    if (signIn instanceof DesktopSignIn known) {
      return known;
    }
    throw new ProblemException(
        Status.UNAUTHORIZED,
        "UNAUTHORIZED",
        "NotSignedIn",
        "sign in on the desktop page",
        List.of());
  }

  /** The signed-in agent, if the request carries the session's token; else 401 or 403. */
  static DesktopSignIn forChange(HttpServletRequest request) {
    DesktopSignIn signIn = current(request);
    String echoed = request.getHeader(TOKEN_HEADER);
    if (echoed == null
        || !MessageDigest.isEqual(
            echoed.getBytes(StandardCharsets.UTF_8),
            signIn.csrfToken().getBytes(StandardCharsets.UTF_8))) {
      throw new ProblemException(
          Status.FORBIDDEN,
          "FORBIDDEN",
          "CrossSiteRequest",
          "the request lacks the page's " + TOKEN_HEADER,
          List.of());
    }
    return signIn;
  }

  static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
