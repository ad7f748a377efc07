package io.callflow.service.entity;

import io.callflow.platform.domain.Names;
import io.callflow.platform.json.StringObjects;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A configured service (GMS's {@code service.<name>} section): a name apps post to, the flow it
 * runs and its options, a JSON object of strings such as {@code {"_resource_group":"DNIS"}}.
 */
@Entity
@Table(name = "service")
public class ServiceDefinition {

  /** What a service may be called: it is a path segment of the Service API. */
  public static final Pattern NAME = Names.upTo(128);

  @Id private String name;
  private String flow;
  private String options;

  @Column(name = "built_in")
  private boolean builtIn;

  @Version private long version;

  /** The options read once per configuration, not once per request. */
  @Transient private volatile ParsedOptions parsedOptions;

  /** Options read from one text: the persistence provider may replace the text underneath. */
  private record ParsedOptions(
      String json, Map<String, String> values, List<GmsOptionNames.Warning> warnings) {}

  protected ServiceDefinition() {}

  public ServiceDefinition(String name, Flow flow, String optionsJson) {
    this.name = name;
    reconfigure(flow, optionsJson);
  }

  public final void reconfigure(Flow flow, String optionsJson) {
    this.flow = flow.gmsName();
    this.options = optionsJson;
  }

  public String name() {
    return name;
  }

  public Flow flow() {
    return Flow.byGmsName(flow).orElseThrow();
  }

  /** The configured options as a JSON object text. */
  public String optionsJson() {
    return options;
  }

  /**
   * The configured options as strings, in their configured order, as this server reads them (GMS's
   * spellings also under this server's names: {@link GmsOptionNames}); unmodifiable.
   */
  public Map<String, String> options() {
    return parsed().values();
  }

  /** The configured options this server stores but does not act on, and why. */
  public List<GmsOptionNames.Warning> warnings() {
    return parsed().warnings();
  }

  private ParsedOptions parsed() {
    String json = options;
    ParsedOptions read = parsedOptions;
    if (read == null || read.json() != json) {
      Map<String, String> configured = StringObjects.read(json);
      read =
          new ParsedOptions(
              json,
              Collections.unmodifiableMap(GmsOptionNames.understood(configured)),
              GmsOptionNames.warnings(configured));
      parsedOptions = read;
    }
    return read;
  }

  public long version() {
    return version;
  }

  /** Applies an operator's configuration; a built-in service stays built in. */
  public void reconfigure(ServiceConfiguration configuration) {
    reconfigure(configuration.flow(), configuration.optionsJson());
  }

  public boolean isBuiltIn() {
    return builtIn;
  }
}
