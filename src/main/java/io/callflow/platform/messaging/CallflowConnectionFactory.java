package io.callflow.platform.messaging;

import io.callflow.platform.config.ConfigKeys;
import jakarta.ejb.Stateless;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.ConnectionFactoryDefinitions;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The outbound JMS connection factories on the Artemis resource adapter (artemis-rar.rar): the
 * outbox relay's, which batches its sends in local JMS transactions, and a general one for browsing
 * (the readiness check). Requests never send: they write to the outbox. The reconnect settings make
 * a send fail within about half a second when the broker is unreachable, so the relay backs off
 * instead of hanging.
 */
@ConnectionFactoryDefinitions({
  @ConnectionFactoryDefinition(
      name = CallflowConnectionFactory.JNDI_NAME,
      interfaceName = "jakarta.jms.ConnectionFactory",
      resourceAdapter = CallflowConnectionFactory.RESOURCE_ADAPTER,
      transactionSupport = TransactionSupportLevel.NoTransaction,
      minPoolSize = 0,
      maxPoolSize = 16,
      properties = {
        "ConnectionParameters=${MPCONFIG=" + ConfigKeys.BROKER_CONNECTION_PARAMETERS + "}",
        "UserName=${MPCONFIG=" + ConfigKeys.BROKER_USER + "}",
        "Password=${MPCONFIG=" + ConfigKeys.BROKER_PASSWORD + "}",
        "ReconnectAttempts=2",
        "RetryInterval=500",
        "InitialConnectAttempts=1",
        "CallTimeout=3000"
      }),
  @ConnectionFactoryDefinition(
      name = CallflowConnectionFactory.RELAY_JNDI_NAME,
      interfaceName = "jakarta.jms.ConnectionFactory",
      resourceAdapter = CallflowConnectionFactory.RESOURCE_ADAPTER,
      transactionSupport = TransactionSupportLevel.NoTransaction,
      minPoolSize = 0,
      maxPoolSize = 4,
      properties = {
        "ConnectionParameters=${MPCONFIG=" + ConfigKeys.BROKER_CONNECTION_PARAMETERS + "}",
        "UserName=${MPCONFIG=" + ConfigKeys.BROKER_USER + "}",
        "Password=${MPCONFIG=" + ConfigKeys.BROKER_PASSWORD + "}",
        "ReconnectAttempts=2",
        "RetryInterval=500",
        "InitialConnectAttempts=1",
        "CallTimeout=3000",
        // the relay commits a batch of sends in a local JMS transaction of its own
        "AllowLocalTransactions=true"
      })
})
@Stateless
public class CallflowConnectionFactory {
  public static final String JNDI_NAME = "java:app/jms/callflow";

  /** The outbox relay's own connections, outside any container transaction. */
  public static final String RELAY_JNDI_NAME = "java:app/jms/callflow-relay";

  /** The resource adapter's name: the RAR's file name without ".rar". */
  public static final String RESOURCE_ADAPTER = "artemis-rar";

  /*
   * Activation-config values shared by every message-driven bean. The adapter ignores an activation's
   * connection parameters unless it also names the connector class.
   */
  public static final String BROKER_CONNECTOR =
      "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";

  public static final String BROKER_PARAMETERS =
      "${MPCONFIG=" + ConfigKeys.BROKER_CONNECTION_PARAMETERS + "}";

  public static final String BROKER_USER = "${MPCONFIG=" + ConfigKeys.BROKER_USER + "}";
  public static final String BROKER_PASSWORD = "${MPCONFIG=" + ConfigKeys.BROKER_PASSWORD + "}";
}
