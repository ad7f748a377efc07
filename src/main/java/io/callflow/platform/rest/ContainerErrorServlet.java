package io.callflow.platform.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;

/**
 * The error page of the web container (web.xml): requests it refuses before the application sees
 * them (an undecodable path, a malformed header) are answered in problem+json like every other
 * error, with GMS's {@code code}, {@code phrase}, {@code message} and {@code exception}.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/_callflow/error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : HttpServletResponse.SC_BAD_REQUEST;
    Status known = Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    String detail =
        status >= 500
            ? "the server could not handle the request"
            : "the request was refused: " + title;
    ProblemMapper.write(response, status, title.toUpperCase().replace(' ', '_'), detail);
  }
}
