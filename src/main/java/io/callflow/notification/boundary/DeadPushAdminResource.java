package io.callflow.notification.boundary;

import io.callflow.notification.control.DeadPushes;
import io.callflow.notification.control.DeadPushes.DeadPush;
import io.callflow.notification.entity.Delivery;
import io.callflow.notification.entity.PushOrder;
import io.callflow.platform.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The console's view of pushes given up: {@code GET /admin/console/deliveries} lists the recent
 * ones with their reason; {@code POST …/{eventId}/{subscriptionId}/retry} sends one again. The
 * retry takes only a JSON body ({@code {}}), which no page of another site can send without the
 * browser asking first, so a form elsewhere cannot retry with the administrator's credentials.
 */
@Path("admin/console/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DeadPushAdminResource {

  static final int MAX = 200;

  @Inject DeadPushes pushes;

  @GET
  public JsonObject recent(@QueryParam("limit") @DefaultValue("50") int limit) {
    JsonArrayBuilder list = Jsonp.createArrayBuilder();
    pushes.recent(Math.max(1, Math.min(MAX, limit))).forEach(dead -> list.add(write(dead)));
    return Jsonp.createObjectBuilder().add("deliveries", list).build();
  }

  @POST
  @Path("{eventId}/{subscriptionId}/retry")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response retry(
      @PathParam("eventId") String eventId,
      @PathParam("subscriptionId") String subscriptionId,
      JsonObject ignored) {
    PushOrder order = pushes.retry(eventId, subscriptionId);
    return Response.accepted(
            Jsonp.createObjectBuilder()
                .add("eventId", order.eventId())
                .add("subscriptionId", order.subscriptionId())
                .add("serviceId", order.serviceId())
                .add("state", "RETRYING")
                .build())
        .build();
  }

  private static JsonObject write(DeadPush dead) {
    Delivery delivery = dead.delivery();
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("eventId", delivery.eventId())
            .add("subscriptionId", delivery.subscriptionId())
            .add("state", delivery.state().name())
            .add("attempts", delivery.attempts())
            .add("at", delivery.at().toString())
            .add("retryable", dead.retryable());
    if (delivery.reason() != null) {
      json.add("reason", delivery.reason());
    }
    delivery.serviceId().ifPresent(id -> json.add("serviceId", id));
    delivery.message().ifPresent(message -> json.add("message", message));
    dead.subscription()
        .ifPresent(
            subscription ->
                json.add("type", subscription.type())
                    .add("subscriberId", subscription.subscriberId()));
    return json.build();
  }
}
