package io.callflow.diagnostics.boundary;

import io.callflow.diagnostics.control.ProbeRolledBack;
import io.callflow.diagnostics.control.RoundTripProbes;
import io.callflow.diagnostics.entity.RoundTripProbe;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /admin/diagnostics/round-trips} sends a probe through database + JMS + message-driven
 * bean; {@code GET …/{id}} tells whether it came back. {@code ?rollback=true} rolls the transaction
 * back after the send, which must leave no trace.
 */
@Path("admin/diagnostics/round-trips")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class RoundTripProbeResource {

  @Inject RoundTripProbes probes;
  @Context UriInfo uriInfo;

  @POST
  public Response send(@QueryParam("rollback") @DefaultValue("false") boolean rollback) {
    try {
      RoundTripProbe probe = probes.send(rollback);
      return Response.accepted(json(probe))
          .location(uriInfo.getAbsolutePathBuilder().path(probe.id()).build())
          .build();
    } catch (ProbeRolledBack rolledBack) {
      JsonObject body =
          Jsonp.createObjectBuilder()
              .add("id", rolledBack.probeId())
              .add("state", "ROLLED_BACK")
              .build();
      return Response.ok(body).build();
    }
  }

  @GET
  @Path("{id}")
  public JsonObject read(@PathParam("id") String id) {
    return probes
        .find(id)
        .map(RoundTripProbeResource::json)
        .orElseThrow(() -> ProblemException.notFound("no round-trip probe " + id));
  }

  private static JsonObject json(RoundTripProbe probe) {
    JsonObjectBuilder body =
        Jsonp.createObjectBuilder()
            .add("id", probe.id())
            .add("state", probe.state().name())
            .add("sentAt", probe.sentAt().toString());
    probe.completedAt().ifPresent(at -> body.add("completedAt", at.toString()));
    return body.build();
  }
}
