package io.callflow.platform.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;

/**
 * HTTP Basic authentication for the whole application (web.xml maps it to every path, first): a
 * request offering Basic credentials has them checked by the identity stores ({@link
 * AdminIdentityStore}, {@link AppIdentityStore}, {@link AgentIdentityStore}, through Jakarta
 * Security's {@link IdentityStoreHandler}) and, if they are valid, goes on as the caller's: its
 * principal, remote user, roles (the caller's groups) and auth type answer for the caller, for
 * {@link AdministratorFilter}, {@link AppAuthenticationFilter} and JAX-RS alike. Credentials that
 * are wrong or malformed leave the request anonymous; whether that is refused is the protected
 * path's filter's business.
 *
 * <p>It replaces the container's Basic mechanism ({@code @BasicAuthenticationMechanismDefinition}),
 * which installs a JASPIC module that looks up the bean manager in JNDI on every request, whatever
 * the path — about 6 % of the server's CPU on the app API, which needs no credentials. Here a
 * request without an {@code Authorization: Basic} header costs one header read.
 */
public class BasicAuthenticationFilter extends HttpFilter {

  @Inject IdentityStoreHandler identityStores;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String authorization = request.getHeader("Authorization");
    if (!BasicCredentials.offered(authorization)) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest caller =
        BasicCredentials.of(authorization)
            .map(
                given ->
                    identityStores.validate(
                        new UsernamePasswordCredential(given.user(), given.password())))
            .filter(result -> result.getStatus() == CredentialValidationResult.Status.VALID)
            .<HttpServletRequest>map(result -> new AsCaller(request, result))
            .orElse(request);
    chain.doFilter(caller, response);
  }

  /** The request of an authenticated caller. */
  private static final class AsCaller extends HttpServletRequestWrapper {
    private final Principal principal;
    private final Set<String> groups;

    AsCaller(HttpServletRequest request, CredentialValidationResult result) {
      super(request);
      this.principal = result.getCallerPrincipal();
      this.groups = Set.copyOf(result.getCallerGroups());
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public String getRemoteUser() {
      return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
      return "**".equals(role) || groups.contains(role); // "**": any authenticated caller
    }

    @Override
    public String getAuthType() {
      return HttpServletRequest.BASIC_AUTH;
    }
  }
}
