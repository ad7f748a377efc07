package io.callflow.platform.phone;

import io.callflow.platform.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes {@link PhoneNumbers} injectable with the configured default region. Produced per injection
 * point (dependent scope): the class is final, so it cannot sit behind a normal-scope proxy, and it
 * is cheap.
 */
@ApplicationScoped
public class PhoneNumbersProducer {

  @Inject
  @ConfigProperty(name = ConfigKeys.PHONE_DEFAULT_REGION, defaultValue = "US")
  String defaultRegion;

  @Produces
  PhoneNumbers phoneNumbers() {
    return new PhoneNumbers(defaultRegion);
  }
}
