package io.callflow.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Serves a page's static files (HTML, scripts, style sheets) from {@code WEB-INF/pages/{folder}}.
 * The JAX-RS application owns {@code /*}, so the container's default servlet never sees these
 * paths; a servlet per page serves them instead, which also lets a page be switched off.
 */
public final class PageFiles {

  /** Plain file names only: no sub-folders, no {@code ..}, nothing the page does not ship. */
  private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");

  /**
   * The page's scripts are its own files: no inline script, no other origin, nothing framed. The
   * server-sent event streams and the APIs are same-origin.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  private PageFiles() {}

  /**
   * Answers the file the request's path names under {@code folder}, {@code index.html} for the
   * folder itself, a redirect to the folder with a trailing slash, or a 404.
   */
  public static void serve(
      ServletContext context,
      String folder,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    serve(context, name -> "/WEB-INF/pages/" + folder + "/" + name, request, response);
  }

  /**
   * As {@link #serve(ServletContext, String, HttpServletRequest, HttpServletResponse)}, with the
   * file of each plain name found where {@code locate} says (the WAR or a webjar's resources).
   */
  public static void serve(
      ServletContext context,
      UnaryOperator<String> locate,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    String pathInfo = request.getPathInfo();
    if (pathInfo == null) {
      // relative links in the page resolve against the folder only with its trailing slash
      response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
      return;
    }
    String name = fileName(pathInfo);
    InputStream file = name == null ? null : context.getResourceAsStream(locate.apply(name));
    if (file == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try (InputStream in = file) {
      response.setContentType(contentType(name));
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("Referrer-Policy", "same-origin");
      in.transferTo(response.getOutputStream());
    }
  }

  /** The file a path under the page's folder names, or null for anything but a plain file name. */
  static String fileName(String pathInfo) {
    String name = pathInfo.equals("/") ? "index.html" : pathInfo.substring(1);
    return FILE_NAME.matcher(name).matches() ? name : null;
  }

  static String contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> "text/html;charset=UTF-8";
      case "js" -> "text/javascript;charset=UTF-8";
      case "css" -> "text/css;charset=UTF-8";
      default -> "image/svg+xml";
    };
  }
}
