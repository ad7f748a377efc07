package io.callflow.launcher;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * An embedded Artemis broker on loopback, persisting under its data folder, configured by the same
 * {@code broker.xml} a production broker is given (destinations, dead letters, redelivery, roles);
 * only the acceptor, the folders and the users ({@link BrokerAccount}) are its own.
 */
public final class EmbeddedBroker implements BrokerService {

  private final EmbeddedActiveMQ broker;

  private EmbeddedBroker(EmbeddedActiveMQ broker) {
    this.broker = broker;
  }

  /**
   * Artemis audits every send and acknowledgement at INFO unless told otherwise (its distribution's
   * logging configuration does); held here so the setting is not garbage-collected away.
   */
  private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

  public static EmbeddedBroker start(Path dataDir, int port, Path brokerXml) throws Exception {
    AUDIT.setLevel(Level.OFF);
    FileConfiguration config = new FileConfiguration();
    FileDeploymentManager deployment = new FileDeploymentManager(brokerXml.toUri().toString());
    deployment.addDeployable(config);
    deployment.readConfiguration();
    config
        .setName("callflow-embedded")
        .setJMXManagementEnabled(false)
        .setJournalDirectory(dataDir.resolve("journal").toString())
        .setBindingsDirectory(dataDir.resolve("bindings").toString())
        .setPagingDirectory(dataDir.resolve("paging").toString())
        .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
        .setAcceptorConfigurations(new HashSet<>())
        .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
    SecurityConfiguration users = new SecurityConfiguration();
    for (BrokerAccount account : BrokerAccount.values()) {
      users.addUser(account.user(), account.password());
      users.addRole(account.user(), account.role());
    }
    EmbeddedActiveMQ broker =
        new EmbeddedActiveMQ()
            .setConfiguration(config)
            .setSecurityManager(
                new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
    broker.start();
    return new EmbeddedBroker(broker);
  }

  @Override
  public int consumerCount(String queue) {
    var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
    return found == null ? 0 : found.getConsumerCount();
  }

  @Override
  public java.util.List<String> subscriptionFilters(String address) {
    try {
      java.util.List<String> filters = new java.util.ArrayList<>();
      for (var binding :
          broker
              .getActiveMQServer()
              .getPostOffice()
              .getBindingsForAddress(SimpleString.of(address))
              .getBindings()) {
        filters.add(
            binding.getFilter() == null ? "" : binding.getFilter().getFilterString().toString());
      }
      return filters;
    } catch (Exception e) {
      throw new IllegalStateException("No bindings of " + address, e);
    }
  }

  @Override
  public String queueSummary(String queue) {
    var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
    return found == null
        ? queue + ": no such queue"
        : QUEUE_SUMMARY.formatted(
            queue,
            found.getMessageCount(),
            found.getScheduledCount(),
            found.getDeliveringCount(),
            found.getConsumerCount());
  }

  /**
   * Sends to the application's addresses, leaving out the broker's own (management, notifications):
   * those a queue took and those none did (a topic's message while it has no subscription).
   */
  @Override
  public long messagesRouted() {
    var postOffice = broker.getActiveMQServer().getPostOffice();
    long routed = 0;
    for (SimpleString address : postOffice.getAddresses()) {
      var info = postOffice.getAddressInfo(address);
      if (info != null && !address.toString().startsWith("activemq.")) {
        routed += info.getRoutedMessageCount() + info.getUnRoutedMessageCount();
      }
    }
    return routed;
  }

  @Override
  public void close() throws Exception {
    broker.stop();
  }
}
