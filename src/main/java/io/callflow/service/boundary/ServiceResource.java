package io.callflow.service.boundary;

import io.callflow.access.control.AllocationLimits;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.rest.GmsUser;
import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.RequestParameters;
import io.callflow.service.control.IdempotencyKeys;
import io.callflow.service.control.InteractionMatches;
import io.callflow.service.control.InteractionRequests;
import io.callflow.service.control.QueuedCreates;
import io.callflow.service.control.QueuedRequests;
import io.callflow.service.control.ServiceCatalog;
import io.callflow.service.control.ServiceInstances;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.OptionKey;
import io.callflow.service.entity.ServiceDefinition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * The GMS Service API: {@code POST /genesys/1/service/{service-name}} creates (or, for the
 * built-ins, performs) a service; {@code GET} and {@code DELETE /genesys/1/service/{id}} read and
 * cancel an instance. Bodies may be URL-encoded, multipart or JSON; every answer member is a
 * string.
 */
@Path("genesys/1/service")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ServiceResource {

  @Inject ServiceCatalog catalog;
  @Inject ServiceInstances instances;
  @Inject InteractionRequests interactions;
  @Inject InteractionMatches matches;
  @Inject QueuedCreates queued;
  @Inject QueuedRequests queuedRequests;
  @Inject AllocationLimits limits;
  @Context HttpHeaders headers;
  @Context jakarta.servlet.http.HttpServletRequest http;
  @Context UriInfo uri;

  @POST
  @Path("{service-name}")
  public JsonObject create(
      @PathParam("service-name") String serviceName,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      InputStream body) {
    Map<String, String> parameters = RequestParameters.parse(headers.getMediaType(), body);
    ServiceDefinition service = catalog.find(serviceName);
    if (service.flow() == Flow.REQUEST_INTERACTION
        || service.flow() == Flow.REQUEST_INBOUND_IMMEDIATE
        || service.flow() == Flow.REQUEST_ACCESS) {
      // each of these books a number at once: one client may not take them all
      limits.take(
          serviceName,
          gmsUser != null && !gmsUser.isBlank()
              ? "gms_user " + gmsUser
              : "address " + http.getRemoteAddr(),
          Optional.ofNullable(service.options().get(OptionKey.ALLOCATIONS_PER_CLIENT))
              .map(Integer::valueOf));
    }
    Map<String, String> answer =
        switch (service.flow()) {
          case REQUEST_INTERACTION ->
              interactions.requestInteraction(
                  service,
                  parameters,
                  gmsUser,
                  Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank()));
          case REQUEST_INBOUND_IMMEDIATE ->
              interactions.requestInboundImmediate(
                  service,
                  parameters,
                  gmsUser,
                  Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank()));
          case REQUEST_INBOUND_DELAY,
              REQUEST_INBOUND_DELAY_LOCATION,
              REQUEST_INBOUND_POLL,
              REQUEST_OUTBOUND_IMMEDIATE,
              REQUEST_OUTBOUND_DELAY,
              REQUEST_OUTBOUND_POLL ->
              queued.create(
                  service,
                  parameters,
                  gmsUser,
                  Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank()));
          case REQUEST_ACCESS -> interactions.requestAccess(service, parameters, gmsUser);
          case MATCH_INTERACTION -> matches.match(parameters);
          case CALLBACK ->
              throw ProblemException.badParameter(
                  "service-name",
                  serviceName
                      + " is a Callback API service: POST /genesys/1/service/callback/"
                      + serviceName);
        };
    return json(answer);
  }

  @GET
  @Path("{id}")
  public JsonObject read(@PathParam("id") String id, @HeaderParam(GmsUser.HEADER) String gmsUser) {
    return instances.describeJson(id, gmsUser);
  }

  /** A request of an instance, e.g. the {@code _action} of a push; GMS clients use GET and POST. */
  @GET
  @Path("{id}/{request}")
  public JsonObject requestByGet(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam(GmsUser.HEADER) String gmsUser) {
    return queuedRequests.request(id, request, gmsUser, uri.getBaseUri());
  }

  @POST
  @Path("{id}/{request}")
  public JsonObject requestByPost(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      InputStream body) {
    RequestParameters.parse(
        headers.getMediaType(), body); // read, so a bad body is still a 400/413/415
    return queuedRequests.request(id, request, gmsUser, uri.getBaseUri());
  }

  @DELETE
  @Path("{id}")
  public JsonObject cancel(
      @PathParam("id") String id, @HeaderParam(GmsUser.HEADER) String gmsUser) {
    return json(instances.cancel(id, gmsUser));
  }

  static JsonObject json(Map<String, String> answer) {
    return StringObjects.toJson(answer);
  }
}
