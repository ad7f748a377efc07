package io.callflow.service.entity;

import io.callflow.platform.json.StringObjects;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator configures for a service: the flow it runs and its options, GMS-style names that
 * start with {@code _} and string values ({@code _resource_group}, {@code _queue}, …).
 */
public record ServiceConfiguration(Flow flow, Map<String, String> options) {

  /** The option naming the pool a service's access numbers come from. */
  public static final String RESOURCE_GROUP = "_resource_group";

  /** GMS marks configuration options with this prefix; anything else is app data. */
  public static final String OPTION_PREFIX = "_";

  public ServiceConfiguration {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  public Optional<String> resourceGroup() {
    return Optional.ofNullable(options.get(RESOURCE_GROUP));
  }

  /** The options as the JSON object text {@link ServiceDefinition} stores. */
  public String optionsJson() {
    return StringObjects.toText(options);
  }
}
