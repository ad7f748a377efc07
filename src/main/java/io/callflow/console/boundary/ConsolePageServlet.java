package io.callflow.console.boundary;

import io.callflow.platform.web.PageFiles;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /console/}: the operations console, static files whose script reads the admin API. The
 * page needs an administrator too ({@code platform.security.AdministratorFilter}), so nobody else
 * learns even its shape.
 */
@WebServlet(urlPatterns = {"/console", "/console/*"})
public class ConsolePageServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PageFiles.serve(getServletContext(), "console", request, response);
  }
}
