package io.callflow.notification.control;

import io.callflow.notification.entity.Push;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A channel through a push provider that needs credentials. Unconfigured, it still deploys: it
 * refuses every push with the reason (readiness data and the log say it too), so subscriptions can
 * be taken before the credentials are in place.
 */
abstract class ProviderChannel implements PushChannel {

  private static final Logger LOG = Logger.getLogger(ProviderChannel.class.getName());

  private ProviderClient client;
  private String problem;

  /** The provider's name in messages ("FCM"). */
  protected abstract String provider();

  /** What is missing from the configuration, if anything. */
  protected abstract Optional<String> settingsProblem();

  /** A client for complete settings; an IllegalArgumentException names what is wrong. */
  protected abstract ProviderClient connect();

  @PostConstruct
  void start() {
    try {
      problem = settingsProblem().orElse(null);
      if (problem == null) {
        client = connect();
      }
    } catch (IllegalArgumentException e) {
      problem = provider() + ": " + e.getMessage();
    }
  }

  void reportAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (problem != null) {
      LOG.warning(
          problem + "; " + String.join(" and ", types()) + " pushes fail until it is configured");
    }
  }

  @Override
  public void deliver(Push push) throws DeliveryFailure {
    if (client == null) {
      throw new DeliveryFailure(problem, true);
    }
    client.send(push);
  }

  @Override
  public Optional<String> configurationProblem() {
    return Optional.ofNullable(problem);
  }

  /**
   * Reads and parses a credentials file named by configuration {@code key}, naming both on failure.
   */
  protected static <T> T credentials(String key, Path file, Function<String, T> parse) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(key + " " + file + " cannot be read: " + e, e);
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + " " + file + ": " + e.getMessage(), e);
    }
  }
}
