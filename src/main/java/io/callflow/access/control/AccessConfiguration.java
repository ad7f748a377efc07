package io.callflow.access.control;

import io.callflow.access.entity.AccessCodeFormat;
import io.callflow.platform.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This feature's configuration, turned into the values its logic uses. */
@ApplicationScoped
public class AccessConfiguration {

  @Inject
  @ConfigProperty(name = ConfigKeys.ACCESS_CODE_PREFIX)
  Optional<String> accessCodePrefix;

  /**
   * Dependent scope: the format is an immutable value of a final class, so it cannot be proxied.
   */
  @Produces
  AccessCodeFormat accessCodeFormat() {
    return AccessCodeFormat.withPrefix(accessCodePrefix.orElse(""));
  }
}
