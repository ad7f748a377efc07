package io.callflow.service.boundary;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.service.control.InstanceHistory;
import io.callflow.service.control.InstanceSearches;
import io.callflow.service.entity.ServiceInstance;
import io.callflow.service.entity.StateEntered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The console's view of service instances: {@code GET /admin/console/instances?q=} lists the live
 * ones, or finds them by id or phone number; {@code GET …/{id}/history} lists the states one went
 * through, first to last; {@code DELETE …/{id}} cancels one as {@code DELETE
 * /genesys/1/service/{id}} does, whoever created it. A page of another site cannot send a {@code
 * DELETE} without the browser asking the server first, so it cannot cancel with the administrator's
 * credentials.
 */
@Path("admin/console/instances")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class InstanceAdminResource {

  static final int MAX = 200;

  @Inject InstanceSearches searches;
  @Inject InstanceHistory history;

  @GET
  public JsonObject find(
      @QueryParam("q") @DefaultValue("") String query,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    JsonArrayBuilder list = Jsonp.createArrayBuilder();
    searches.find(query, Math.max(1, Math.min(MAX, limit))).forEach(i -> list.add(write(i)));
    return Jsonp.createObjectBuilder().add("instances", list).build();
  }

  @GET
  @Path("{id}/history")
  public JsonObject history(@PathParam("id") String id) {
    JsonArrayBuilder states = Jsonp.createArrayBuilder();
    history.of(id).forEach(entered -> states.add(write(entered)));
    return Jsonp.createObjectBuilder().add("id", id).add("history", states).build();
  }

  @DELETE
  @Path("{id}")
  public JsonObject cancel(@PathParam("id") String id) {
    return StringObjects.toJson(InstanceAnswers.members(searches.cancel(id)));
  }

  private static JsonObject write(StateEntered entered) {
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("state", entered.state().name())
            .add("at", entered.at().toString());
    entered.previous().ifPresent(previous -> json.add("previousState", previous.name()));
    return json.build();
  }

  private static JsonObject write(ServiceInstance instance) {
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("id", instance.id())
            .add("service", instance.serviceName())
            .add("flow", instance.flow().gmsName())
            .add("state", instance.state().name())
            .add("live", !instance.hasEnded())
            .add("createdAt", instance.createdAt().toString())
            .add("changedAt", instance.updatedAt().toString());
    instance.phoneNumber().ifPresent(phone -> json.add("phoneNumber", phone));
    instance.agentId().ifPresent(agent -> json.add("agentId", agent));
    instance.failureReason().ifPresent(reason -> json.add("failureReason", reason));
    return json.build();
  }
}
