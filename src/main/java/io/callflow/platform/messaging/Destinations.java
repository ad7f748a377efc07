package io.callflow.platform.messaging;

/** Every JMS destination name (Artemis address) the product uses. */
public final class Destinations {

  /** Queue, desktop → server: AgentLogin, AgentState, CallResult. */
  public static final String DESKTOP_IN = "callflow.desktop.in";

  /**
   * Queue: desktop messages that could not be understood, with the original body and the reason.
   */
  public static final String DESKTOP_DEAD = "callflow.desktop.dead";

  /** Topic, server → desktops (selector {@code agentId = '…'}): Reserved, Offer, Revoked. */
  public static final String DESKTOP_OUT = "callflow.desktop.out";

  /** Queue: "dispatch this virtual queue" requests, for the routing's message-driven bean. */
  public static final String ROUTING = "callflow.routing";

  /** Queue: Dial commands when the customer is dialled first. */
  public static final String DIALER = "callflow.dialer";

  /** Topic: every state change of every instance, for reporting and integrations. */
  public static final String EVENTS = "callflow.events";

  /**
   * Queue: one message per push to one subscription, retried with back-off by re-sending it
   * delayed.
   */
  public static final String NOTIFICATION_DELIVERY = "callflow.notification.delivery";

  /** Queue: pushes given up on, with the reason. */
  public static final String NOTIFICATION_DEAD = "callflow.notification.dead";

  /** Queue: round-trip probes that prove the database + JMS wiring. */
  public static final String DIAGNOSTICS = "callflow.diagnostics";

  /**
   * Name of the JMS property on {@link #DESKTOP_OUT} that desktops select their own messages by.
   */
  public static final String AGENT_ID_PROPERTY = "agentId";

  /** Name of the JMS property that says what a message is. */
  public static final String TYPE_PROPERTY = "type";

  /** Artemis's duplicate-detection id: the outbox row's message id. */
  public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";

  /** JMS message group: the broker hands one group's messages to one consumer, in order. */
  public static final String GROUP_PROPERTY = "JMSXGroupID";

  /** Artemis's absolute due time (epoch milliseconds) of a scheduled message. */
  public static final String SCHEDULED_DELIVERY_PROPERTY = "_AMQ_SCHED_DELIVERY";

  private Destinations() {}
}
