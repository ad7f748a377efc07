package io.callflow.service.boundary;

import io.callflow.platform.json.StringObjects;
import io.callflow.platform.rest.JsonRequest;
import io.callflow.service.control.OptionChecks;
import io.callflow.service.entity.Flow;
import io.callflow.service.entity.GmsOptionNames;
import io.callflow.service.entity.OptionKey;
import io.callflow.service.entity.ServiceConfiguration;
import io.callflow.service.entity.ServiceDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code PUT /admin/services/{name}}'s body ({@code flow}, {@code options}) into a {@link
 * ServiceConfiguration}, or answers 400 naming every bad field ({@code flow}, {@code
 * options.<key>}). Option values may be strings, numbers or booleans, kept as strings as GMS
 * configuration keeps them.
 */
public final class ServiceConfigurationJson {

  private ServiceConfigurationJson() {}

  public static ServiceConfiguration read(String name, JsonRequest request) {
    if (!ServiceDefinition.NAME.matcher(name).matches()) {
      request.invalid("name", "'" + name + "' must be 1 to 128 of A-Z a-z 0-9 _ . -");
    }
    Flow flow = flow(request);
    Map<String, String> options = options(request);
    request.requireValid();
    return new ServiceConfiguration(flow, options);
  }

  private static Flow flow(JsonRequest request) {
    request.require("flow");
    return request
        .string("flow")
        .map(
            value ->
                Flow.byGmsName(value)
                    .orElseGet(
                        () -> {
                          request.invalid(
                              request.field("flow"), "'" + value + "' must be one of " + flows());
                          return null;
                        }))
        .orElse(null);
  }

  private static String flows() {
    return Arrays.stream(Flow.values()).map(Flow::gmsName).collect(Collectors.joining(", "));
  }

  private static Map<String, String> options(JsonRequest request) {
    Map<String, String> options = new LinkedHashMap<>();
    JsonObject object = request.object("options").orElse(JsonValue.EMPTY_JSON_OBJECT);
    object.forEach(
        (key, value) -> {
          String field = request.field("options") + "." + key;
          if (!key.startsWith(ServiceConfiguration.OPTION_PREFIX) || key.length() == 1) {
            request.invalid(field, "option names start with '_' (GMS configuration options)");
            return;
          }
          StringObjects.scalar(value)
              .ifPresentOrElse(
                  text -> options.put(key, text),
                  () -> request.invalid(field, "must be a string, number or boolean"));
          if (options.containsKey(key)) {
            OptionChecks.problemWith(GmsOptionNames.ourName(key), options.get(key))
                .or(
                    () ->
                        key.equals(GmsOptionNames.TARGET)
                            ? GmsOptionNames.targetQueue(options.get(key))
                                .flatMap(queue -> OptionChecks.problemWith(OptionKey.QUEUE, queue))
                            : Optional.empty())
                .ifPresent(problem -> request.invalid(field, problem));
          }
        });
    return options;
  }
}
