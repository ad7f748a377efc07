package io.callflow.notification.control;

import io.callflow.notification.entity.Push;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;

/**
 * Pushes to GMS CometD clients: the push's {@code deviceId} is a {@code gms_user}, and every
 * session of that user on this server that listens on {@code /_genesys} gets the message. No such
 * session is a retryable failure: the client may be reconnecting, and the pipeline's back-off gives
 * it the time.
 */
@ApplicationScoped
public class CometChannel implements PushChannel {

  /** Handing a message to a session's queue is in-memory work; more than this means trouble. */
  static final Duration QUEUEING_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(CometChannel.class.getName());

  @Inject CometSessions sessions;

  @Override
  public Set<String> types() {
    return Set.of("comet");
  }

  @Override
  public void deliver(Push push) throws DeliveryFailure {
    Map<String, Object> data = CometPayload.of(push);
    List<ServerSession> listening = sessions.listeningSessionsOf(push.deviceId());
    if (listening.isEmpty()) {
      throw new DeliveryFailure("no CometD session for gms_user " + push.deviceId(), false);
    }
    long queued = 0;
    for (ServerSession session : listening) {
      if (queue(session, data)) {
        queued++;
      }
    }
    if (queued == 0) {
      throw new DeliveryFailure(
          "no CometD session of gms_user " + push.deviceId() + " took event " + push.eventId(),
          false);
    }
  }

  /** True when the session queued the message for its next long poll. */
  private static boolean queue(ServerSession session, Map<String, Object> data)
      throws DeliveryFailure {
    Promise.Completable<Boolean> queued = new Promise.Completable<>();
    // null sender: the server itself speaks, so no client's outgoing extensions apply
    session.deliver(null, CometSessions.CHANNEL, data, queued);
    try {
      return queued.get(QUEUEING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warning("CometD session " + session.getId() + " did not take a push: " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure(
          "interrupted while pushing to CometD session " + session.getId(), false, e);
    }
  }
}
