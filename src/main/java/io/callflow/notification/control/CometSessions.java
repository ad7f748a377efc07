package io.callflow.notification.control;

import io.callflow.platform.rest.GmsUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.authorizer.GrantAuthorizer;

/**
 * The Bayeux sessions of this server, by {@code gms_user}: the HTTP header a GMS client sends with
 * its handshake (and with every other request, on REST and CometD alike) names whose pushes the
 * session receives. The CometD endpoint attaches its Bayeux server here once it is running.
 */
@ApplicationScoped
public class CometSessions {

  /** Where GMS clients listen for pushes. */
  public static final String CHANNEL = "/_genesys";

  private static final Logger LOG = Logger.getLogger(CometSessions.class.getName());

  private final GmsUserSessions users = new GmsUserSessions();
  private volatile BayeuxServer bayeux;

  /** Starts following the sessions of {@code server}, which must not have any yet. */
  public void attach(BayeuxServer server) {
    server.createChannelIfAbsent(
        CHANNEL,
        channel -> {
          channel.setPersistent(true);
          // Clients may listen but not publish: a client's publish would reach every other user's
          // session, whereas pushes go to one user's sessions only, straight from the server.
          channel.addAuthorizer(GrantAuthorizer.GRANT_SUBSCRIBE);
        });
    server.addListener(new UserTracking());
    bayeux = server;
  }

  /** Stops following {@code server}'s sessions, when it goes away with its application. */
  public void detach(BayeuxServer server) {
    if (bayeux == server) {
      bayeux = null;
      users.clear();
    }
  }

  /**
   * The sessions of {@code gmsUser} on this server that have handshaken and subscribed to {@link
   * #CHANNEL}; empty when CometD is not running.
   */
  public List<ServerSession> listeningSessionsOf(String gmsUser) {
    BayeuxServer server = bayeux;
    if (server == null || gmsUser == null) {
      return List.of();
    }
    return users.of(gmsUser).stream()
        .map(server::getSession)
        .filter(session -> session != null && session.isHandshook() && listens(session))
        .toList();
  }

  private static boolean listens(ServerSession session) {
    return session.getSubscriptions().stream().anyMatch(channel -> CHANNEL.equals(channel.getId()));
  }

  private final class UserTracking implements BayeuxServer.SessionListener {

    @Override
    public void sessionAdded(ServerSession session, ServerMessage handshake) {
      BayeuxContext http = handshake.getBayeuxContext();
      String user = http == null ? null : http.getHeader(GmsUser.HEADER);
      if (user == null || user.isBlank()) {
        // still a valid Bayeux client (e.g. one that only publishes), but nobody's pushes reach it
        LOG.fine(
            () -> "CometD session " + session.getId() + " has no " + GmsUser.HEADER + " header");
        return;
      }
      users.add(user.strip(), session.getId());
    }

    @Override
    public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
      users.remove(session.getId());
    }
  }
}
