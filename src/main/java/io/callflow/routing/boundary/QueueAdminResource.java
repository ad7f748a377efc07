package io.callflow.routing.boundary;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.platform.rest.JsonRequest;
import io.callflow.platform.rest.ProblemException;
import io.callflow.routing.control.QueueAdministration;
import io.callflow.routing.control.QueueStatistics;
import io.callflow.routing.control.QueueWaits;
import io.callflow.routing.entity.DispatchedWait;
import io.callflow.routing.entity.QueueFigures;
import io.callflow.routing.entity.VirtualQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.StringReader;

/**
 * {@code GET /admin/queues}, {@code GET|PUT /admin/queues/{name}}: virtual queues and their options
 * ({@code {"options":{"_default_handle_time":"180"}}}, a JSON object of scalars kept as strings);
 * {@code GET /admin/queues/{name}/waits}: the last hour's first dispatches, each with the EWT
 * predicted when the customer was queued and the wait it was.
 */
@Path("admin/queues")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class QueueAdminResource {

  @Inject QueueAdministration queues;
  @Inject QueueStatistics statistics;
  @Inject QueueWaits waits;

  @GET
  public JsonArray list() {
    return Jsonp.createArrayBuilder(queues.queues().stream().map(QueueAdminResource::json).toList())
        .build();
  }

  /** The queue's options and its figures now: load, agents, handle time and EWT accuracy. */
  @GET
  @Path("{name}")
  public JsonObject read(@PathParam("name") String name) {
    VirtualQueue queue =
        queues
            .queue(name)
            .orElseThrow(() -> ProblemException.notFound("no virtual queue named " + name));
    QueueFigures figures = statistics.of(name);
    return Jsonp.createObjectBuilder(json(queue))
        .add("waiting", figures.waiting())
        .add("reserved", figures.reserved())
        .add("engaged", figures.engaged())
        .add(
            "agents",
            Jsonp.createObjectBuilder()
                .add("loggedIn", figures.agentsLoggedIn())
                .add("ready", figures.agentsReady())
                .add("idle", figures.agentsIdle()))
        .add(
            "handleTime",
            Jsonp.createObjectBuilder()
                .add("averageSeconds", figures.averageHandleTime().toMillis() / 1000.0)
                .add("samples", figures.handleTime().samples()))
        .add(
            "waits",
            Jsonp.createObjectBuilder()
                .add("samples", figures.waitSamples())
                .add("meanPredictedSeconds", figures.meanPredictedSeconds())
                .add("meanActualSeconds", figures.meanActualSeconds())
                .add("meanAbsoluteErrorSeconds", figures.meanAbsoluteErrorSeconds()))
        .build();
  }

  /** {@code {"queue", "samples": [{"at", "predictedSeconds", "actualSeconds"}]}}, oldest first. */
  @GET
  @Path("{name}/waits")
  public JsonObject waits(@PathParam("name") String name) {
    queues
        .queue(name)
        .orElseThrow(() -> ProblemException.notFound("no virtual queue named " + name));
    JsonArrayBuilder samples = Jsonp.createArrayBuilder();
    for (DispatchedWait wait : waits.lastHour(name)) {
      samples.add(
          Jsonp.createObjectBuilder()
              .add("at", wait.at().toString())
              .add("predictedSeconds", wait.predictedSeconds())
              .add("actualSeconds", wait.actualSeconds()));
    }
    return Jsonp.createObjectBuilder().add("queue", name).add("samples", samples).build();
  }

  @PUT
  @Path("{name}")
  public JsonObject configure(@PathParam("name") String name, InputStream body) {
    JsonRequest request = JsonRequest.parse(body);
    if (!VirtualQueue.NAME.matcher(name).matches()) {
      request.invalid("name", "must be 1 to 64 letters, digits, '_', '.' or '-'");
    }
    JsonObjectBuilder options = Jsonp.createObjectBuilder();
    request
        .object("options")
        .ifPresent(
            object ->
                object.forEach(
                    (key, value) ->
                        StringObjects.scalar(value)
                            .ifPresentOrElse(
                                text -> options.add(key, text),
                                () ->
                                    request.invalid(
                                        "options." + key, "must be a string, number or boolean"))));
    request.requireValid();
    return json(queues.configure(name, options.build().toString()));
  }

  static JsonObject json(VirtualQueue queue) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(queue.optionsJson()))) {
      JsonValue options = reader.readValue();
      return Jsonp.createObjectBuilder().add("name", queue.name()).add("options", options).build();
    }
  }
}
