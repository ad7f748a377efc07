package io.callflow.routing.boundary;

import io.callflow.platform.json.StringObjects;
import io.callflow.platform.rest.JsonRequest;
import io.callflow.platform.rest.ProblemException;
import io.callflow.routing.control.QueueAdministration;
import io.callflow.routing.entity.VirtualQueue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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
 * ({@code {"options":{"_default_handle_time":"180"}}}, a JSON object of scalars kept as strings).
 */
@Path("admin/queues")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class QueueAdminResource {

  @Inject QueueAdministration queues;

  @GET
  public JsonArray list() {
    return Json.createArrayBuilder(queues.queues().stream().map(QueueAdminResource::json).toList()).build();
  }

  @GET
  @Path("{name}")
  public JsonObject read(@PathParam("name") String name) {
    return json(queues.queue(name).orElseThrow(() -> ProblemException.notFound("no virtual queue named " + name)));
  }

  @PUT
  @Path("{name}")
  public JsonObject configure(@PathParam("name") String name, InputStream body) {
    JsonRequest request = JsonRequest.parse(body);
    if (!VirtualQueue.NAME.matcher(name).matches()) {
      request.invalid("name", "must be 1 to 64 letters, digits, '_', '.' or '-'");
    }
    JsonObjectBuilder options = Json.createObjectBuilder();
    request.object("options").ifPresent(object -> object.forEach((key, value) -> StringObjects.scalar(value)
        .ifPresentOrElse(
            text -> options.add(key, text),
            () -> request.invalid("options." + key, "must be a string, number or boolean"))));
    request.requireValid();
    return json(queues.configure(name, options.build().toString()));
  }

  static JsonObject json(VirtualQueue queue) {
    try (JsonReader reader = Json.createReader(new StringReader(queue.optionsJson()))) {
      JsonValue options = reader.readValue();
      return Json.createObjectBuilder().add("name", queue.name()).add("options", options).build();
    }
  }
}
