package io.callflow.service.boundary;

import io.callflow.platform.json.Jsonp;
import io.callflow.service.entity.ServiceDefinition;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** A configured service as the admin API answers it. */
public final class ServiceJson {

  private ServiceJson() {}

  public static JsonObject write(ServiceDefinition service) {
    return Jsonp.createObjectBuilder()
        .add("name", service.name())
        .add("flow", service.flow().gmsName())
        .add("options", options(service))
        .add("builtIn", service.isBuiltIn())
        .add("warnings", warnings(service))
        .build();
  }

  /** Options stored but not acted on: {@code [{"name", "reason"}]}, empty when there are none. */
  private static JsonArray warnings(ServiceDefinition service) {
    JsonArrayBuilder warnings = Jsonp.createArrayBuilder();
    service
        .warnings()
        .forEach(
            w ->
                warnings.add(
                    Jsonp.createObjectBuilder().add("name", w.name()).add("reason", w.reason())));
    return warnings.build();
  }

  private static JsonObject options(ServiceDefinition service) {
    try (JsonReader reader = Jsonp.createReader(new StringReader(service.optionsJson()))) {
      return reader.readObject();
    }
  }
}
