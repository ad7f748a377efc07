package io.callflow.platform.rest;

/**
 * The header by which a GMS client names its user: what it creates belongs to that user. When apps
 * must authenticate, the authenticated principal takes its place (platform.security).
 */
public final class GmsUser {

  public static final String HEADER = "gms_user";

  private GmsUser() {}
}
