package io.callflow.desktop.boundary;

import io.callflow.platform.web.PageFiles;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /desktop/}: the agent desktop page, static files whose script talks to {@link
 * DesktopBridgeResource}. The page itself is public; everything it shows needs a signed-in agent.
 */
@WebServlet(urlPatterns = {"/desktop", "/desktop/*"})
public class DesktopPageServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PageFiles.serve(getServletContext(), "desktop", request, response);
  }
}
