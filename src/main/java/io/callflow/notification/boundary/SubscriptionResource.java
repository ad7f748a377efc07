package io.callflow.notification.boundary;

import io.callflow.notification.control.SubscriptionRequest;
import io.callflow.notification.control.Subscriptions;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.List;

/**
 * GMS's Notification API for integrations: {@code POST /genesys/1/notification/subscription} (JSON
 * only) and {@code DELETE …/subscription/{id}}.
 */
@Path("genesys/1/notification/subscription")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class SubscriptionResource {

  @Inject Subscriptions subscriptions;
  @Context HttpHeaders headers;

  @POST
  public JsonObject subscribe(InputStream body) {
    MediaType type = headers.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      throw new ProblemException(
          Status.UNSUPPORTED_MEDIA_TYPE,
          "UNSUPPORTED_MEDIA_TYPE",
          "UnsupportedMediaType",
          "Content-Type: the Notification API takes application/json",
          List.of(new ProblemException.InvalidParam("Content-Type", "must be application/json")));
    }
    SubscriptionRequest request = SubscriptionJson.read(body);
    return Jsonp.createObjectBuilder().add("id", subscriptions.subscribe(request)).build();
  }

  @DELETE
  @Path("{id}")
  public JsonObject unsubscribe(@PathParam("id") String id) {
    if (!subscriptions.unsubscribe(id)) {
      throw ProblemException.notFound("no subscription " + id);
    }
    return Jsonp.createObjectBuilder().add("id", id).build();
  }
}
