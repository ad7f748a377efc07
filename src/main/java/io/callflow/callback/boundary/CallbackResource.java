package io.callflow.callback.boundary;

import io.callflow.callback.control.CallbackRequests;
import io.callflow.platform.rest.GmsUser;
import io.callflow.platform.rest.RequestParameters;
import io.callflow.service.boundary.InstanceAnswers;
import io.callflow.service.control.IdempotencyKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GMS 8.5's Callback API, {@code /genesys/1/service/callback}: create (JSON, form or multipart),
 * records by id or by properties, cancel, reschedule and availability — every record member a
 * string.
 */
@Path("genesys/1/service/callback")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class CallbackResource {

  @Inject CallbackRequests callbacks;
  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @POST
  @Path("{name}")
  public JsonObject create(
      @PathParam("name") String name,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      InputStream body) {
    Map<String, String> parameters = RequestParameters.parse(headers.getMediaType(), body);
    return InstanceAnswers.json(
        callbacks.create(
            name,
            parameters,
            gmsUser,
            Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank())),
        uri::getBaseUri);
  }

  /**
   * {@code ?_id=…} answers that record; other parameters query every callback service's records.
   */
  @GET
  public JsonArray records(@HeaderParam(GmsUser.HEADER) String gmsUser) {
    Map<String, String> query = query();
    String id = query.get("_id");
    return CallbackJson.records(
        id != null
            ? callbacks.byId(id, gmsUser)
            : callbacks.query(Optional.empty(), query, gmsUser));
  }

  @GET
  @Path("{name}")
  public JsonArray recordsOf(
      @PathParam("name") String name, @HeaderParam(GmsUser.HEADER) String gmsUser) {
    return CallbackJson.records(callbacks.query(Optional.of(name), query(), gmsUser));
  }

  @GET
  @Path("{name}/availability")
  public JsonObject availability(
      @PathParam("name") String name,
      @QueryParam("start") String start,
      @QueryParam("end") String end,
      @QueryParam("number-of-days") Integer days,
      @QueryParam("max-time-slots") Integer maxSlots) {
    return CallbackJson.slots(callbacks.availability(name, start, end, days, maxSlots));
  }

  /** Cancels; clients send a JSON body, an empty one, or none. */
  @DELETE
  @Path("{name}/{id}")
  public JsonObject cancel(
      @PathParam("name") String name,
      @PathParam("id") String id,
      @HeaderParam(GmsUser.HEADER) String gmsUser) {
    return CallbackJson.record(callbacks.cancel(name, id, gmsUser));
  }

  @PUT
  @Path("{name}/{id}")
  public JsonObject reschedule(
      @PathParam("name") String name,
      @PathParam("id") String id,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      InputStream body) {
    return CallbackJson.record(
        callbacks.reschedule(
            name, id, RequestParameters.parse(headers.getMediaType(), body), gmsUser));
  }

  private Map<String, String> query() {
    Map<String, String> query = new LinkedHashMap<>();
    uri.getQueryParameters()
        .forEach(
            (key, values) -> {
              if (!values.isEmpty()) {
                query.put(key, values.get(0));
              }
            });
    return query;
  }
}
