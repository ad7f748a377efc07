package io.callflow.platform.messaging;

import io.callflow.platform.config.ConfigKeys;
import jakarta.ejb.Stateless;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The outbound JMS connection factory on the Artemis resource adapter (artemis-rar.rar). XA, so a
 * message sent in a transaction is delivered only if the database change commits. A new connection
 * is tried once, so a send fails at once while the broker is unreachable instead of blocking the HTTP
 * request; an established one keeps reconnecting for about 15 s, long enough for a broker restart,
 * so that a transaction caught between prepare and commit can still finish on it (a session
 * that gave up could never complete the commit, and the transaction manager retried it for minutes);
 * a call made on it meanwhile waits for the reconnection, then fails (503) if it did not come.
 */
@ConnectionFactoryDefinition(
    name = CallflowConnectionFactory.JNDI_NAME,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = CallflowConnectionFactory.RESOURCE_ADAPTER,
    transactionSupport = TransactionSupportLevel.XATransaction,
    minPoolSize = 0,
    maxPoolSize = 16,
    properties = {
      "ConnectionParameters=${MPCONFIG=" + ConfigKeys.BROKER_CONNECTION_PARAMETERS + "}",
      "UserName=${MPCONFIG=" + ConfigKeys.BROKER_USER + "}",
      "Password=${MPCONFIG=" + ConfigKeys.BROKER_PASSWORD + "}",
      "ReconnectAttempts=15",
      "RetryInterval=1000",
      "InitialConnectAttempts=1",
      "CallTimeout=3000",
      "CallFailoverTimeout=3000"
    })
@Stateless
public class CallflowConnectionFactory {
  public static final String JNDI_NAME = "java:app/jms/callflow";

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
