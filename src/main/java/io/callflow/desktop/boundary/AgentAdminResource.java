package io.callflow.desktop.boundary;

import io.callflow.desktop.control.Agents;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /admin/agents} and {@code GET /admin/agents/{agentId}}: agents as their desktops last
 * reported them. Read-only: agents change only through desktop messages.
 */
@Path("admin/agents")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AgentAdminResource {

  @Inject Agents agents;

  @GET
  public JsonArray list() {
    return Jsonp.createArrayBuilder(agents.all().stream().map(AgentJson::write).toList()).build();
  }

  @GET
  @Path("{agentId}")
  public JsonObject read(@PathParam("agentId") String agentId) {
    return AgentJson.write(
        agents.find(agentId).orElseThrow(() -> ProblemException.notFound("no agent " + agentId)));
  }
}
