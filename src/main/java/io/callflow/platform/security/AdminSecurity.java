package io.callflow.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * The admin API ({@code /admin/*}, web.xml) needs HTTP Basic credentials of a caller in role
 * {@value #ADMIN}; {@link AdminIdentityStore} knows the one administrator. The Service API, health,
 * metrics and OpenAPI stay open.
 */
@BasicAuthenticationMechanismDefinition(realmName = "callflow")
@DeclareRoles(AdminSecurity.ADMIN)
@ApplicationScoped
public class AdminSecurity {

  public static final String ADMIN = "admin";
}
