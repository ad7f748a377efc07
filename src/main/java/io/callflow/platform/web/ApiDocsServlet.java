package io.callflow.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * {@code /api-docs/}: the server's OpenAPI document ({@code /openapi}, Payara's) in Swagger UI,
 * whose files come from its webjar in the WAR. A path of its own, so Payara's {@code /openapi}
 * stays the document a client is generated from.
 */
@WebServlet(urlPatterns = {"/api-docs", "/api-docs/*"})
public class ApiDocsServlet extends HttpServlet {

  /** The webjar's version, as in pom.xml: its files live under it. */
  static final String SWAGGER_UI = "/webjars/swagger-ui/5.35.0/";

  /** The page's own files; everything else is Swagger UI's. */
  private static final Set<String> OWN = Set.of("index.html", "api-docs.js");

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PageFiles.serve(
        getServletContext(),
        name -> OWN.contains(name) ? "/WEB-INF/pages/api-docs/" + name : SWAGGER_UI + name,
        request,
        response);
  }
}
