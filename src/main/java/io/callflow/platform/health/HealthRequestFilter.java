package io.callflow.platform.health;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.health.Readiness;

/**
 * Tells {@link ApplicationHealthCheck} that health requests now reach this application: a request
 * that passes here is answered by Callflow's web module, the one that serves every other path too.
 * Only the health endpoints pass through it.
 */
@WebFilter(urlPatterns = "/health/*")
public class HealthRequestFilter extends HttpFilter {

  @Inject @Readiness ApplicationHealthCheck application;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    application.servingRequests();
    chain.doFilter(request, response);
  }
}
