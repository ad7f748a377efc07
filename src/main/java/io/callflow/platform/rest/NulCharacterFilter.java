package io.callflow.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose path, query or headers carry a NUL character once decoded (400 naming
 * where): PostgreSQL text cannot hold one, so it would otherwise surface as a database error.
 */
@Provider
@PreMatching
public class NulCharacterFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getPath(true).indexOf('\0') >= 0) {
      throw ProblemException.badParameter("path", "contains a NUL character");
    }
    check("query", request.getUriInfo().getQueryParameters(true));
    check("header", request.getHeaders());
  }

  private static void check(String where, Map<String, List<String>> values) {
    values.forEach(
        (name, list) -> {
          if (name.indexOf('\0') >= 0
              || list.stream().anyMatch(value -> value != null && value.indexOf('\0') >= 0)) {
            throw ProblemException.badParameter(
                where.equals("header") ? name : name.replace('\0', '?'),
                "contains a NUL character");
          }
        });
  }
}
