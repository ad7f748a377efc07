package io.callflow.service.boundary;

import io.callflow.notification.control.Notifications;
import io.callflow.platform.config.ConfigKeys;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.messaging.CallflowConnectionFactory;
import io.callflow.platform.messaging.Destinations;
import io.callflow.service.control.InstanceEvents;
import io.callflow.service.control.ServiceInstances;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hears instances' state changes and pushes on {@code callflow.events} (a non-durable subscription
 * of this server) and passes those of watched instances to their server-sent event streams. The
 * subscription exists only while a stream is open here, and a few seconds after the last closes:
 * otherwise every instance event of the cluster (one for every request on the hot path) would be
 * delivered to this server only to be dropped. One thread receives, so events keep their order, and
 * sends the streams their keep-alive comments, which find the streams whose clients left.
 */
@ApplicationScoped
public class InstanceEventFeed {

  private static final Logger LOG = Logger.getLogger(InstanceEventFeed.class.getName());

  // the broker keeps the rest (half of the hot path's events are bookings') from this server
  private static final String SELECTOR =
      Destinations.TYPE_PROPERTY
          + " IN ('"
          + InstanceEvents.STATE_CHANGED
          + "', '"
          + Notifications.PUSHED_EVENT
          + "')";

  /** How long the subscription outlives the last stream: a page reload keeps it. */
  private static final long LINGER_MILLIS = 5000;

  private static final long RECEIVE_MILLIS = 500;
  private static final long LONGEST_BACKOFF_MILLIS = 5000;

  @Resource(lookup = CallflowConnectionFactory.JNDI_NAME)
  ConnectionFactory connectionFactory;

  @Resource ManagedThreadFactory threads;
  @Inject InstanceStreams streams;
  @Inject ServiceInstances instances;

  @Inject
  @ConfigProperty(name = ConfigKeys.STREAM_KEEP_ALIVE_SECONDS, defaultValue = "15")
  int keepAliveSeconds;

  /** The receiving thread while subscribed (or trying to); guarded by this. */
  private Thread receiver;

  private volatile long lastAskedAt;
  private volatile boolean stopped;

  /**
   * Subscribes unless subscribed already, before the caller reads the state its stream starts with:
   * a change made after that read is heard. While the broker is away the subscription is made when
   * it returns (the stream opens anyway; it misses what happens meanwhile).
   */
  public void listen() {
    lastAskedAt = System.currentTimeMillis();
    synchronized (this) {
      if (stopped || (receiver != null && receiver.isAlive())) {
        return;
      }
      Subscription first = subscribeNow();
      receiver = threads.newThread(() -> receive(first));
      receiver.setName("callflow-instance-events");
      receiver.setDaemon(true);
      receiver.start();
    }
  }

  /** The subscription, or null while the broker is away: the receiver then subscribes itself. */
  private Subscription subscribeNow() {
    try {
      return Subscription.open(connectionFactory);
    } catch (JMSException | JMSRuntimeException e) {
      LOG.warning("Instance events: no subscription yet, retried: " + e);
      return null;
    }
  }

  @PreDestroy
  void stop() {
    Thread last;
    synchronized (this) {
      stopped = true;
      last = receiver;
    }
    if (last != null) {
      last.interrupt();
    }
  }

  private void receive(Subscription first) {
    Subscription subscription = first;
    long backoff = 0;
    long keptAliveAt = System.currentTimeMillis();
    try {
      while (!Thread.currentThread().isInterrupted() && wanted()) {
        if (System.currentTimeMillis() - keptAliveAt >= Math.max(1, keepAliveSeconds) * 1000L) {
          keptAliveAt = System.currentTimeMillis();
          keepAlive();
        }
        try {
          if (subscription == null) {
            Thread.sleep(backoff);
            subscription = Subscription.open(connectionFactory);
            LOG.info("Instance events: subscribed again");
          }
          backoff = 0;
          Message message = subscription.consumer().receive(RECEIVE_MILLIS);
          if (message != null) {
            pass(message);
          }
        } catch (JMSException | JMSRuntimeException e) {
          if (subscription != null) {
            LOG.warning("Instance events: the subscription failed, retried: " + e);
            subscription.close();
            subscription = null;
          }
          backoff = Math.min(LONGEST_BACKOFF_MILLIS, Math.max(250, backoff * 2));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (subscription != null) {
        subscription.close();
      }
    }
  }

  /**
   * Keeps the streams alive and finds those whose clients left; a failure must not end the feed.
   */
  private void keepAlive() {
    try {
      streams.keepAlive();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Keep-alive of server-sent event streams failed", e);
    }
  }

  /**
   * Whether to stay subscribed: a stream is open, or was asked for lately. Decided again under the
   * lock {@link #listen} takes before the thread ends, so that a stream opening meanwhile either
   * finds this thread staying or starts a new one.
   */
  private boolean wanted() {
    if (stopped) {
      return false;
    }
    if (streams.watchesAny() || askedLately()) {
      return true;
    }
    synchronized (this) {
      if (streams.watchesAny() || askedLately()) {
        return true;
      }
      receiver = null;
      return false;
    }
  }

  private boolean askedLately() {
    return System.currentTimeMillis() - lastAskedAt < LINGER_MILLIS;
  }

  private void pass(Message message) {
    try {
      String type = message.getStringProperty(Destinations.TYPE_PROPERTY);
      JsonObject event = parse(message.getBody(String.class));
      String serviceId = event.getString("serviceId", null);
      if (serviceId == null || !streams.isWatched(serviceId)) {
        return;
      }
      String eventId = event.getString("eventId", null);
      if (InstanceEvents.STATE_CHANGED.equals(type)) {
        Map<String, String> state = InstanceAnswers.members(instances.describeAny(serviceId));
        state.put("_state", event.getString("state", state.get("_state")));
        streams.publish(serviceId, InstanceStreams.STATE, eventId, InstanceStreams.json(state));
      } else if (Notifications.PUSHED_EVENT.equals(type)) {
        streams.publish(serviceId, InstanceStreams.PUSH, eventId, event.getString("message"));
      }
    } catch (JMSException | RuntimeException e) {
      // a stream is best effort: a bad event is skipped
      LOG.log(Level.WARNING, "Event not passed to server-sent event streams", e);
    }
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** The connection and its consumer on {@code callflow.events}, acknowledging as it receives. */
  private record Subscription(Connection connection, MessageConsumer consumer) {

    static Subscription open(ConnectionFactory factory) throws JMSException {
      Connection connection = factory.createConnection();
      try {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer =
            session.createConsumer(session.createTopic(Destinations.EVENTS), SELECTOR);
        connection.start();
        return new Subscription(connection, consumer);
      } catch (JMSException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    void close() {
      try {
        connection.close();
      } catch (JMSException | RuntimeException e) {
        LOG.fine(() -> "Instance events: closing the subscription failed: " + e);
      }
    }
  }
}
