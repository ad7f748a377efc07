package io.callflow.service.boundary;

import io.callflow.platform.rest.GmsUser;
import io.callflow.service.control.ServiceInstances;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;

/**
 * {@code GET /genesys/1/service/{id}/events}: a server-sent event stream for web apps. The first
 * event ({@code state}) is the instance as {@code GET /service/{id}} answers it; then a {@code
 * state} event for every change and a {@code push} event (GMS's message) for every push.
 */
@Path("genesys/1/service/{id}/events")
@ApplicationScoped
public class InstanceEventStreamResource {

  @Inject ServiceInstances instances;
  @Inject InstanceStreams streams;
  @Inject InstanceEventFeed feed;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void stream(
      @PathParam("id") String id,
      @HeaderParam(GmsUser.HEADER) String gmsUser,
      @Context SseEventSink sink,
      @Context Sse sse) {
    feed.listen(); // before the state is read: every later change is heard
    // 404 before the stream opens
    Map<String, String> current = InstanceAnswers.members(instances.describe(id, gmsUser));
    streams.open(id, sink, sse, current);
  }
}
