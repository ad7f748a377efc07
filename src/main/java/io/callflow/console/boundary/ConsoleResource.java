package io.callflow.console.boundary;

import io.callflow.console.control.PoolSizings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code /admin/console}: what the operations console reads besides the admin API: every pool's
 * last hour (utilisation samples, booking rate, hold time, Erlang B advice), once or as a stream.
 * Under {@code /admin}, so it needs an administrator.
 */
@Path("admin/console")
@RequestScoped
public class ConsoleResource {

  @Inject PoolSizings sizings;
  @Inject ConsoleStreams streams;

  @GET
  @Path("pools")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject pools() {
    return PoolSizingJson.write(sizings.lastHour());
  }

  /** A {@code snapshot} event (as {@code GET pools}) at once, then every two seconds. */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    PoolSizings reader = sizings;
    streams.open(sink, sse, () -> PoolSizingJson.write(reader.lastHour()).toString());
  }
}
