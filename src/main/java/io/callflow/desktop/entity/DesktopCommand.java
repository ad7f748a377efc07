package io.callflow.desktop.entity;

import jakarta.json.JsonObject;

/**
 * A message from the server to one agent's desktop on {@code callflow.desktop.out}, named by its
 * JMS {@code type} property and addressed by its {@code agentId} property.
 */
public sealed interface DesktopCommand permits Reserved, Offer, Revoked {

  String type();

  String agentId();

  JsonObject toJson();
}
