package io.callflow.launcher;

/**
 * The broker a stack runs against: embedded in this JVM, or a standalone one the stack may stop and
 * start.
 */
interface BrokerService extends AutoCloseable {

  String QUEUE_SUMMARY = "%s: %s messages, %s scheduled, %s delivering, %s consumers";

  /**
   * Consumers the broker counts on a queue now: message-driven beans that are connected (0 if
   * unknown).
   */
  int consumerCount(String queue);

  /**
   * What a queue holds now, for a failing test's message: messages, scheduled, delivering,
   * consumers; or why it cannot tell.
   */
  String queueSummary(String queue);

  /**
   * The filters of the queues bound to {@code address} now (a topic's subscriptions; "" for one
   * without a filter).
   */
  java.util.List<String> subscriptionFilters(String address);

  /**
   * Messages sent to addresses since the broker started, whether a queue took them or not; -1 if
   * unknown.
   */
  default long messagesRouted() {
    return -1;
  }
}
