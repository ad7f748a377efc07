/**
 * Who may call what. The application authenticates by itself, with servlet filters that web.xml
 * runs in order: {@link io.callflow.platform.security.BasicAuthenticationFilter} (every path)
 * checks offered HTTP Basic credentials against the identity stores — the administrator ({@link
 * io.callflow.platform.security.AdminIdentityStore}), the apps ({@link
 * io.callflow.platform.security.AppIdentityStore}) and the desktop's agents ({@link
 * io.callflow.platform.security.AgentIdentityStore}) — through Jakarta Security's identity store
 * handler, and lets a valid caller through as the request's principal; {@link
 * io.callflow.platform.security.AdministratorFilter} keeps the admin API and the console to role
 * {@code admin} (401 with the Basic challenge, 403); {@link
 * io.callflow.platform.security.AppAuthenticationFilter} asks apps for a Basic user or a bearer
 * token on {@code /genesys/*} when {@code callflow.app.auth} says so.
 *
 * <p>Not the container's Basic mechanism: declaring one installs a JASPIC module that runs on every
 * request of the application, whatever its path, and looks up the bean manager in JNDI each time —
 * about 6 % of the server's CPU on the app API, which needs no credentials. A request without Basic
 * credentials now costs one header read. Passwords are compared in constant time and never logged.
 */
package io.callflow.platform.security;
