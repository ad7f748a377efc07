package io.callflow.platform.phone;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes {@link PhoneNumbers} injectable with the configured default region. Every injection point
 * gets the same instance, so the numbers it remembers are remembered once and bounded once. The
 * class is final, so it cannot sit behind a normal-scope proxy: the producer method is dependent,
 * the instance it hands out is not.
 */
@ApplicationScoped
public class PhoneNumbersProducer {

  @Inject
  @ConfigProperty(name = ConfigKeys.PHONE_DEFAULT_REGION, defaultValue = "US")
  String defaultRegion;

  private PhoneNumbers shared;

  @PostConstruct
  void create() {
    shared = new PhoneNumbers(defaultRegion);
  }

  @Produces
  PhoneNumbers phoneNumbers() {
    return shared;
  }
}
