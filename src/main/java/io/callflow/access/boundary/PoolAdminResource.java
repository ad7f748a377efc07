package io.callflow.access.boundary;

import io.callflow.access.control.PoolAdministration;
import io.callflow.access.entity.PoolSnapshot;
import io.callflow.access.entity.PoolSpecification;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.platform.rest.JsonRequest;
import io.callflow.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;

/**
 * The operators' view of pools (GMS resource groups): {@code /admin/pools} lists and creates them,
 * {@code /admin/pools/{name}} reads, reconfigures and deletes one, {@code
 * /admin/pools/{name}/numbers} adds and removes numbers in bulk. Bodies are read whatever their
 * content type, as JSON.
 */
@Path("admin/pools")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PoolAdminResource {

  @Inject PoolAdministration pools;
  @Inject PhoneNumbers phoneNumbers;
  @Context UriInfo uriInfo;

  @GET
  public JsonArray list() {
    return Jsonp.createArrayBuilder(pools.pools().stream().map(PoolJson::write).toList()).build();
  }

  @GET
  @Path("{name}")
  public JsonObject read(@PathParam("name") String name) {
    return PoolJson.write(
        pools.pool(name).orElseThrow(() -> ProblemException.notFound("no pool named " + name)));
  }

  // JSON only: another site's page can POST a form or text with an admin's cached credentials, but
  // not JSON without the browser asking this server first
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(InputStream body) {
    PoolSpecification specification =
        PoolSpecificationJson.read(null, JsonRequest.parse(body), phoneNumbers);
    PoolSnapshot created = pools.create(specification);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(created.pool().name()).build())
        .entity(PoolJson.write(created))
        .build();
  }

  @PUT
  @Path("{name}")
  public JsonObject configure(@PathParam("name") String name, InputStream body) {
    PoolSpecification specification =
        PoolSpecificationJson.read(name, JsonRequest.parse(body), phoneNumbers);
    return PoolJson.write(pools.configure(specification));
  }

  @DELETE
  @Path("{name}")
  public JsonObject delete(@PathParam("name") String name) {
    return PoolJson.write(pools.delete(name));
  }

  @POST
  @Path("{name}/numbers")
  @Consumes(MediaType.APPLICATION_JSON)
  public JsonObject addNumbers(@PathParam("name") String name, InputStream body) {
    return PoolJson.write(pools.addNumbers(name, numbers(body)));
  }

  @DELETE
  @Path("{name}/numbers")
  public JsonObject removeNumbers(@PathParam("name") String name, InputStream body) {
    return PoolJson.write(pools.removeNumbers(name, numbers(body)));
  }

  private List<String> numbers(InputStream body) {
    return AccessNumberList.require(JsonRequest.parse(body), phoneNumbers);
  }
}
