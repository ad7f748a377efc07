package io.callflow.service.boundary;

import io.callflow.platform.rest.GmsUser;
import io.callflow.platform.rest.RequestParameters;
import io.callflow.service.control.IdempotencyKeys;
import io.callflow.service.control.QueuedRequests;
import io.callflow.service.control.ServiceCreates;
import io.callflow.service.control.ServiceInstances;
import io.callflow.service.entity.InstanceAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
@ApplicationScoped
public class ServiceResource {

  @Inject ServiceCreates creates;
  @Inject ServiceInstances instances;
  @Inject QueuedRequests queuedRequests;

  // request-scoped values come as parameters: a field of this application-scoped resource would be
  // a proxy that looks the request's value up on every use

  @POST
  @Path("{service-name}")
  public JsonObject create(
      @PathParam("service-name") String serviceName,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      @Context HttpHeaders headers,
      @Context HttpServletRequest http,
      @Context UriInfo uri,
      InputStream body) {
    Map<String, String> parameters = RequestParameters.parse(headers.getMediaType(), body);
    InstanceAnswer answer =
        creates.create(
            serviceName,
            parameters,
            gmsUser,
            Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank()),
            gmsUser != null && !gmsUser.isBlank()
                ? "gms_user " + gmsUser
                : "address " + http.getRemoteAddr());
    return InstanceAnswers.json(answer, uri::getBaseUri);
  }

  @GET
  @Path("{id}")
  public JsonObject read(
      @PathParam("id") String id,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @Context UriInfo uri) {
    return InstanceAnswers.json(instances.read(id, gmsUser), uri::getBaseUri);
  }

  /** A request of an instance, e.g. the {@code _action} of a push; GMS clients use GET and POST. */
  @GET
  @Path("{id}/{request}")
  public JsonObject requestByGet(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @Context UriInfo uri) {
    return InstanceAnswers.json(queuedRequests.request(id, request, gmsUser), uri::getBaseUri);
  }

  @POST
  @Path("{id}/{request}")
  public JsonObject requestByPost(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      InputStream body) {
    RequestParameters.parse(
        headers.getMediaType(), body); // read, so a bad body is still a 400/413/415
    return InstanceAnswers.json(queuedRequests.request(id, request, gmsUser), uri::getBaseUri);
  }

  @DELETE
  @Path("{id}")
  public JsonObject cancel(
      @PathParam("id") String id,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @Context UriInfo uri) {
    return InstanceAnswers.json(instances.cancel(id, gmsUser), uri::getBaseUri);
  }
}
