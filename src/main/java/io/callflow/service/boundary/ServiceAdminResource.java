package io.callflow.service.boundary;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.rest.JsonRequest;
import io.callflow.platform.rest.ProblemException;
import io.callflow.service.control.ServiceAdministration;
import io.callflow.service.entity.ServiceConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * The operators' view of configured services (GMS's {@code service.<name>} sections): {@code GET
 * /admin/services} lists them, {@code GET|PUT /admin/services/{name}} reads or configures one.
 */
@Path("admin/services")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ServiceAdminResource {

  @Inject ServiceAdministration services;

  @GET
  public JsonArray list() {
    return Jsonp.createArrayBuilder(services.services().stream().map(ServiceJson::write).toList())
        .build();
  }

  @GET
  @Path("{name}")
  public JsonObject read(@PathParam("name") String name) {
    return ServiceJson.write(
        services
            .service(name)
            .orElseThrow(() -> ProblemException.notFound("no service named " + name)));
  }

  @PUT
  @Path("{name}")
  public JsonObject configure(@PathParam("name") String name, InputStream body) {
    ServiceConfiguration configuration =
        ServiceConfigurationJson.read(name, JsonRequest.parse(body));
    return ServiceJson.write(services.configure(name, configuration));
  }
}
