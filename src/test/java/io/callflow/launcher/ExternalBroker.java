package io.callflow.launcher;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A standalone Artemis broker (its own JVM), stopped and started by the operator's commands; its
 * consumer counts are read over the broker's management address, as the server's user may.
 */
final class ExternalBroker implements BrokerService {

  private final ExternalServices services;
  private final ActiveMQConnectionFactory factory;

  private ExternalBroker(ExternalServices services) {
    this.services = services;
    this.factory =
        new ActiveMQConnectionFactory(
            "tcp://" + services.brokerHost() + ":" + services.brokerPort());
  }

  /** Waits until the broker takes the server's user (it may be starting still). */
  static ExternalBroker connect(ExternalServices services) throws InterruptedException {
    ExternalBroker broker = new ExternalBroker(services);
    BrokerAccount server = BrokerAccount.SERVER;
    long deadline = System.nanoTime() + ExternalServices.READY_TIMEOUT.toNanos();
    while (true) {
      try (var connection = broker.factory.createConnection(server.user(), server.password())) {
        return broker;
      } catch (JMSException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Broker at "
                  + services.brokerHost()
                  + ":"
                  + services.brokerPort()
                  + " is not reachable: "
                  + e,
              e);
        }
        Thread.sleep(250);
      }
    }
  }

  static ExternalBroker start(ExternalServices services) throws Exception {
    ExternalServices.run(services.brokerStartCommand());
    return connect(services);
  }

  @Override
  public int consumerCount(String queue) {
    try {
      Object count = queueAttribute(queue, "consumerCount");
      return count instanceof Number n ? n.intValue() : 0;
    } catch (JMSException e) {
      return 0; // not reachable now, or no such queue yet
    }
  }

  @Override
  public java.util.List<String> subscriptionFilters(String address) {
    try {
      java.util.List<String> filters = new java.util.ArrayList<>();
      for (String queue : queueNames(address)) {
        Object filter;
        try {
          filter = queueAttribute(queue, "filter");
        } catch (JMSException e) {
          if (!queueNames(address).contains(queue)) {
            continue; // its subscriber left between the listing and this read
          }
          throw e;
        }
        filters.add(filter == null ? "" : String.valueOf(filter));
      }
      return filters;
    } catch (JMSException e) {
      throw new IllegalStateException("No bindings of " + address, e);
    }
  }

  private java.util.List<String> queueNames(String address) throws JMSException {
    return java.util.Arrays.stream(
            (Object[]) managed(ResourceNames.ADDRESS + address, "queueNames"))
        .map(String::valueOf)
        .toList();
  }

  @Override
  public String queueSummary(String queue) {
    try {
      return QUEUE_SUMMARY.formatted(
          queue,
          queueAttribute(queue, "messageCount"),
          queueAttribute(queue, "scheduledCount"),
          queueAttribute(queue, "deliveringCount"),
          queueAttribute(queue, "consumerCount"));
    } catch (JMSException e) {
      return queue + ": " + e.getMessage();
    }
  }

  private Object queueAttribute(String queue, String attribute) throws JMSException {
    return managed(ResourceNames.QUEUE + queue, attribute);
  }

  /** An attribute of a broker resource, asked through its management address. */
  private Object managed(String resource, String attribute) throws JMSException {
    BrokerAccount server = BrokerAccount.SERVER;
    try (QueueConnection connection =
            factory.createQueueConnection(server.user(), server.password());
        QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
      QueueRequestor requestor =
          new QueueRequestor(session, ActiveMQJMSClient.createQueue("activemq.management"));
      connection.start();
      Message request = session.createMessage();
      JMSManagementHelper.putAttribute(request, resource, attribute);
      Message reply = requestor.request(request);
      if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
        throw new JMSException("No " + attribute + " for " + resource);
      }
      return JMSManagementHelper.getResult(reply);
    } catch (JMSException e) {
      throw e;
    } catch (Exception e) {
      JMSException wrapped = new JMSException(e.toString());
      wrapped.setLinkedException(e);
      throw wrapped;
    }
  }

  /** Stops the broker (the stack's "broker down"). */
  @Override
  public void close() throws Exception {
    factory.close();
    ExternalServices.run(services.brokerStopCommand());
  }
}
