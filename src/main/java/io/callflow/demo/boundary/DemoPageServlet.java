package io.callflow.demo.boundary;

import io.callflow.platform.config.ConfigKeys;
import io.callflow.platform.web.PageFiles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /demo/}: the customer demo page, a static page whose script plays a mobile app against the
 * Service API. Off unless {@code callflow.demo.enabled}: production shows no demo, and a switched
 * off page is a 404 like any unknown path.
 */
@WebServlet(urlPatterns = {"/demo", "/demo/*"})
public class DemoPageServlet extends HttpServlet {

  static final String FOLDER = "demo";

  @Inject
  @ConfigProperty(name = ConfigKeys.DEMO_ENABLED, defaultValue = "false")
  boolean enabled;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!enabled) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    PageFiles.serve(getServletContext(), FOLDER, request, response);
  }
}
