package io.callflow.notification.boundary;

import io.callflow.notification.control.CometSessions;
import io.callflow.platform.rest.ProblemMapper;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.http.jakarta.CometDServlet;

/**
 * GMS's CometD endpoint, {@code /genesys/cometd}. Bayeux clients append the message type to the URL
 * ({@code /genesys/cometd/handshake}, {@code …/connect}), hence the wildcard; being more specific
 * than the JAX-RS application's {@code /*}, the mapping takes these paths and leaves all others to
 * JAX-RS. Long-polling only: GMS's mobile clients use nothing else, and it needs no WebSocket setup
 * in front of the server.
 */
@WebServlet(
    urlPatterns = GenesysCometdServlet.MAPPING,
    asyncSupported = true,
    loadOnStartup = 1,
    initParams =
        @WebInitParam(
            name = BayeuxServerImpl.TRANSPORTS_OPTION,
            value = "org.cometd.server.http.JSONHttpTransport"))
public class GenesysCometdServlet extends CometDServlet {

  static final String MAPPING = "/genesys/cometd/*";

  /** Far above what a GMS client sends in one request (a few messages, a chat line each). */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(GenesysCometdServlet.class.getName());

  @Inject CometSessions sessions;

  private BayeuxServer attached;

  @Override
  public void init() throws ServletException {
    super.init();
    attached = getBayeuxServer();
    sessions.attach(attached);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<BufferedBodyRequest> buffered = BufferedBodyRequest.read(request, MAX_BODY_BYTES);
    if (buffered.isEmpty()) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    Optional<String> notJson = buffered.get().notJson();
    if (notJson.isPresent()) {
      LOG.fine(() -> "Refused a Bayeux request that is not JSON: " + notJson.get());
      ProblemMapper.write(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "BAD_REQUEST",
          "the body is not Bayeux JSON (" + notJson.get() + ")");
      return;
    }
    super.service(buffered.get(), response);
  }

  /** CometD answers a failed request with a bare status; the cause would otherwise be lost. */
  @Override
  protected void sendError(
      HttpServletRequest request, HttpServletResponse response, int code, Throwable failure) {
    Level level = code >= 500 ? Level.WARNING : Level.FINE;
    LOG.log(
        level, failure, () -> "CometD request " + request.getRequestURI() + " failed with " + code);
    super.sendError(request, response, code, failure);
  }

  @Override
  public void destroy() {
    sessions.detach(attached);
    super.destroy();
  }
}
