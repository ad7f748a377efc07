package io.callflow.platform.security;

import io.callflow.platform.rest.GmsUser;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When apps must authenticate ({@link AppCredentials#required()}), every app API request needs a
 * Basic user (checked by {@link BasicAuthenticationFilter}, which web.xml runs first, against
 * {@link AppIdentityStore}) or a known bearer token; otherwise 401 problem+json with the accepted
 * schemes. The authenticated principal then is the request's {@code gms_user}, replacing whatever
 * the header said, so instances, app data, callbacks and CometD sessions belong to the principal
 * and one app cannot act as another.
 */
public class AppAuthenticationFilter extends HttpFilter {

  private static final String BEARER = "Bearer ";

  @Inject AppCredentials credentials;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!credentials.required()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> principal = principal(request);
    if (principal.isEmpty()) {
      response.setHeader("WWW-Authenticate", challenge());
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    chain.doFilter(new AsPrincipal(request, principal.get()), response);
  }

  private Optional<String> principal(HttpServletRequest request) {
    Principal basic = request.getUserPrincipal(); // set by BasicAuthenticationFilter
    if (basic != null && credentials.schemes().contains(AppCredentials.Scheme.BASIC)) {
      return Optional.of(basic.getName());
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return credentials.bearer(authorization.substring(BEARER.length()).strip());
    }
    return Optional.empty();
  }

  private String challenge() {
    return credentials.schemes().stream()
        .map(
            scheme ->
                scheme == AppCredentials.Scheme.BASIC
                    ? "Basic realm=\"" + AdminSecurity.REALM + "\""
                    : "Bearer realm=\"" + AdminSecurity.REALM + "\"")
        .collect(Collectors.joining(", "));
  }

  /** The request as the principal's: its {@code gms_user} header is the principal. */
  private static final class AsPrincipal extends HttpServletRequestWrapper {
    private final String principal;

    AsPrincipal(HttpServletRequest request, String principal) {
      super(request);
      this.principal = principal;
    }

    @Override
    public String getHeader(String name) {
      return GmsUser.HEADER.equalsIgnoreCase(name) ? principal : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return GmsUser.HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(Set.of(principal))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
      names.removeIf(GmsUser.HEADER::equalsIgnoreCase);
      names.add(GmsUser.HEADER);
      return Collections.enumeration(names);
    }
  }
}
