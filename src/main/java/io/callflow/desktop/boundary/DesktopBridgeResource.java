package io.callflow.desktop.boundary;

import io.callflow.desktop.control.DesktopBridge;
import io.callflow.desktop.entity.RejectedMessage;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.security.AgentIdentityStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/**
 * {@code /api/desktop}: the desktop page's bridge to the JMS desktop contract. The agent signs in
 * with an account of role {@value AgentIdentityStore#AGENT}; from then on the session names the
 * agent, messages go up as that agent ({@code POST messages/{type}}) and what the server sends the
 * agent comes down a server-sent event stream ({@code GET events}). Bodies are JSON, which a
 * cross-site form cannot send; changes also need the session's token.
 */
@Path("api/desktop")
@RequestScoped
public class DesktopBridgeResource {

  @Inject IdentityStoreHandler identityStores;
  @Inject DesktopBridge bridge;
  @Inject DesktopStreams streams;
  @Context HttpServletRequest request;

  @POST
  @Path("session")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject signIn(JsonObject credentials) {
    if (credentials == null) {
      throw ProblemException.badParameter("body", "required: {\"agentId\", \"password\"}");
    }
    String agentId = credentials.getString("agentId", "");
    String password = credentials.getString("password", "");
    CredentialValidationResult result =
        identityStores.validate(new UsernamePasswordCredential(agentId, password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || !result.getCallerGroups().contains(AgentIdentityStore.AGENT)) {
      throw new ProblemException(
          Status.UNAUTHORIZED,
          "UNAUTHORIZED",
          "SignInRefused",
          "unknown agent or wrong password",
          List.of());
    }
    return describe(DesktopSignIn.start(request, result.getCallerPrincipal().getName()));
  }

  @GET
  @Path("session")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject session() {
    return describe(DesktopSignIn.current(request));
  }

  @DELETE
  @Path("session")
  public Response signOut() {
    DesktopSignIn.forChange(request);
    DesktopSignIn.end(request);
    return Response.noContent().build();
  }

  /** AgentLogin, AgentState or CallResult, as the JMS contract has them, without the agent id. */
  @POST
  @Path("messages/{type}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response send(@PathParam("type") String type, JsonObject fields) {
    DesktopSignIn signIn = DesktopSignIn.forChange(request);
    if (fields == null) {
      throw ProblemException.badParameter("body", "required: the message's fields as JSON");
    }
    try {
      bridge.send(signIn.agentId(), type, fields);
    } catch (RejectedMessage e) {
      throw ProblemException.badParameter("body", e.getMessage());
    }
    return Response.accepted(
            Jsonp.createObjectBuilder().add("type", type).add("agentId", signIn.agentId()).build())
        .build();
  }

  /**
   * The agent first ({@code agent}), then every {@code Reserved}, {@code Offer}, {@code Revoked}
   * and {@code AgentStateChanged} for the agent, named by type.
   */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    String agentId = DesktopSignIn.current(request).agentId(); // 401 before the stream opens
    streams.open(
        agentId,
        sink,
        sse,
        "agent",
        () -> AgentJson.page(agentId, bridge.agent(agentId)).toString());
  }

  private JsonObject describe(DesktopSignIn signIn) {
    return Jsonp.createObjectBuilder()
        .add("agentId", signIn.agentId())
        .add("csrfToken", signIn.csrfToken())
        .build();
  }
}
