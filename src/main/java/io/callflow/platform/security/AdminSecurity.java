package io.callflow.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The admin API ({@code /admin/*}) and the console need HTTP Basic credentials of a caller in role
 * {@value #ADMIN} ({@link AdministratorFilter}); {@link AdminIdentityStore} knows the one
 * administrator. The Service API, health, metrics and OpenAPI stay open.
 */
@DeclareRoles(AdminSecurity.ADMIN)
@ApplicationScoped
public class AdminSecurity {

  public static final String ADMIN = "admin";

  /** The realm of every Basic challenge. */
  public static final String REALM = "callflow";
}
