package io.callflow.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every {@link PushChannel} deployed, by the subscription type it serves. */
@ApplicationScoped
public class PushChannels {

  @Inject @Any Instance<PushChannel> channels;

  public Optional<PushChannel> forType(String type) {
    return channels.stream().filter(c -> c.types().contains(type)).findFirst();
  }

  /** Channel type → what keeps it from delivering, for readiness data and the log. */
  public Map<String, String> configurationProblems() {
    Map<String, String> problems = new LinkedHashMap<>();
    channels.forEach(
        c -> c.configurationProblem().ifPresent(p -> problems.put(String.join("/", c.types()), p)));
    return problems;
  }
}
