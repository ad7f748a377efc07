package io.callflow.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /pages/}: what every page shares (its style sheet), served whether or not a page is on.
 */
@WebServlet("/pages/*")
public class SharedPageFilesServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if ("/".equals(request.getPathInfo())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND); // no index: nothing to browse here
      return;
    }
    PageFiles.serve(getServletContext(), "shared", request, response);
  }
}
