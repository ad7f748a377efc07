package io.callflow.desktop.entity;

/**
 * A message from a desktop on {@code callflow.desktop.in}, named by its JMS {@code type} property.
 */
public sealed interface DesktopMessage permits AgentLogin, AgentState, CallResult {

  /** The message {@code type} names, parsed strictly from {@code body}. */
  static DesktopMessage parse(String type, String body) {
    if (type == null || type.isBlank()) {
      throw new RejectedMessage(
          "missing JMS property 'type' (AgentLogin, AgentState or CallResult)");
    }
    return switch (type) {
      case AgentLogin.TYPE -> AgentLogin.fromJson(MessageFields.parse(type, body));
      case AgentState.TYPE -> AgentState.fromJson(MessageFields.parse(type, body));
      case CallResult.TYPE -> CallResult.fromJson(MessageFields.parse(type, body));
      default ->
          throw new RejectedMessage(
              "unknown message type '" + type + "' (AgentLogin, AgentState or CallResult)");
    };
  }

  String agentId();
}
