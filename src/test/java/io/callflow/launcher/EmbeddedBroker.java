package io.callflow.launcher;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An embedded Artemis broker on loopback, persisting under its data folder, configured as the product
 * expects a production broker to be: destinations created on first use, failed deliveries retried
 * with a delay and then moved to the dead-letter address {@value #DEAD_LETTER_ADDRESS}; expired
 * messages go to {@value #EXPIRY_ADDRESS}.
 */
public final class EmbeddedBroker implements AutoCloseable {

  public static final String DEAD_LETTER_ADDRESS = "DLQ";
  public static final String EXPIRY_ADDRESS = "ExpiryQueue";
  public static final int MAX_DELIVERY_ATTEMPTS = 5;

  private final EmbeddedActiveMQ broker;
  private final int port;

  private EmbeddedBroker(EmbeddedActiveMQ broker, int port) {
    this.broker = broker;
    this.port = port;
  }

  /**
   * Artemis audits every send and acknowledgement at INFO unless told otherwise (its distribution's
   * logging configuration does); held here so the setting is not garbage-collected away.
   */
  private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

  public static EmbeddedBroker start(Path dataDir, int port) throws Exception {
    AUDIT.setLevel(Level.OFF);
    Configuration config =
        new ConfigurationImpl()
            .setName("callflow-embedded")
            .setSecurityEnabled(false)
            .setPersistenceEnabled(true)
            .setJMXManagementEnabled(false)
            .setJournalDirectory(dataDir.resolve("journal").toString())
            .setBindingsDirectory(dataDir.resolve("bindings").toString())
            .setPagingDirectory(dataDir.resolve("paging").toString())
            .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
            .addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port);
    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setAutoCreateAddresses(true)
            .setAutoCreateQueues(true)
            .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
            .setAutoCreateDeadLetterResources(true)
            .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS))
            .setAutoCreateExpiryResources(true)
            .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
            .setRedeliveryDelay(500)
            .setRedeliveryMultiplier(2.0));
    EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
    broker.start();
    return new EmbeddedBroker(broker, port);
  }

  public int port() {
    return port;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The resource adapter's form of the address. */
  public String connectionParameters() {
    return "host=127.0.0.1;port=" + port;
  }

  /** Consumers the broker counts on a queue now (0 if it does not exist). */
  public int consumerCount(String queue) {
    var found = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
    return found == null ? 0 : found.getConsumerCount();
  }

  @Override
  public void close() throws Exception {
    broker.stop();
  }
}
