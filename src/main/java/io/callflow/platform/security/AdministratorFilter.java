package io.callflow.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The admin API and the console ({@code /admin/*}, {@code /console/*}, {@code /console}; web.xml,
 * after {@link BasicAuthenticationFilter}) are the administrator's: a caller who has not
 * authenticated gets 401 with the Basic challenge, so that a browser asks for credentials; one who
 * has, but is not in role {@value AdminSecurity#ADMIN}, gets 403. Both go through the container's
 * error page, so their bodies are problem+json like every other error.
 */
public class AdministratorFilter extends HttpFilter {

  static final String CHALLENGE = "Basic realm=\"" + AdminSecurity.REALM + "\"";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getUserPrincipal() == null) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (!request.isUserInRole(AdminSecurity.ADMIN)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(request, response);
  }
}
