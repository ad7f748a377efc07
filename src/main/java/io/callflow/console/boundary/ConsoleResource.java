package io.callflow.console.boundary;

import io.callflow.console.control.MessagingStates;
import io.callflow.console.control.PoolSizings;
import io.callflow.platform.json.Jsonp;
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
import java.time.Clock;

/**
 * {@code /admin/console}: what the operations console reads besides the admin API: every pool's
 * last hour (utilisation samples, booking rate, hold time, Erlang B advice) and the broker with the
 * outbox backlog, once or as a stream. Under {@code /admin}, so it needs an administrator.
 */
@Path("admin/console")
@RequestScoped
public class ConsoleResource {

  @Inject PoolSizings sizings;
  @Inject ConsoleStreams streams;
  @Inject MessagingStates messaging;
  @Inject Clock clock;

  @GET
  @Path("pools")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject pools() {
    return PoolSizingJson.write(sizings.lastHour());
  }

  /**
   * The broker as the readiness check sees it and the outbox backlog: {@code broker}, {@code
   * outboxBacklog}, {@code oldestWaiting} and {@code oldestAgeSeconds} while any message waits,
   * {@code error} and {@code relayError} while the broker is unreachable.
   */
  @GET
  @Path("messaging")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject messaging() {
    return MessagingJson.write(messaging.now(), clock.instant());
  }

  /**
   * A {@code snapshot} event at once, then every two seconds: {@code GET pools}'s {@code pools} and
   * {@code GET messaging} as {@code messaging}.
   */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    PoolSizings pools = sizings;
    MessagingStates states = messaging;
    Clock time = clock;
    streams.open(sink, sse, () -> snapshot(pools, states, time).toString());
  }

  private static JsonObject snapshot(PoolSizings pools, MessagingStates states, Clock time) {
    return Jsonp.createObjectBuilder(PoolSizingJson.write(pools.lastHour()))
        .add("messaging", MessagingJson.write(states.now(), time.instant()))
        .build();
  }
}
