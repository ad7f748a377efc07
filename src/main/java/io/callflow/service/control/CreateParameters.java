package io.callflow.service.control;

import io.callflow.platform.domain.ParameterInvalid;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.service.entity.AppDataTooLarge;
import io.callflow.service.entity.ServiceDefinition;
import io.callflow.storage.entity.AppData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What every create reads from its request the same way: options, the customer's number, app data.
 */
final class CreateParameters {

  /** A create's request, read and checked before anything is booked, queued or stored. */
  record Read(
      ServiceOptions options,
      Optional<String> phone,
      Map<String, String> data,
      Optional<DeviceRegistration> device) {

    Read withOptions(ServiceOptions changed) {
      return new Read(changed, phone, data, device);
    }
  }

  static Read read(
      ServiceDefinition service, Map<String, String> parameters, PhoneNumbers phoneNumbers) {
    return new Read(
        resolve(service, parameters),
        customerNumber(phoneNumbers, parameters),
        appData(parameters),
        DeviceRegistration.of(parameters));
  }

  private static final Logger LOG = Logger.getLogger(CreateParameters.class.getName());

  private CreateParameters() {}

  static ServiceOptions resolve(ServiceDefinition service, Map<String, String> parameters) {
    return ServiceOptions.resolve(
        service.options(),
        parameters,
        ignored ->
            LOG.fine(() -> "service " + service.name() + " does not let requests set " + ignored));
  }

  /** The app data, checked before anything is booked or queued for it. */
  static Map<String, String> appData(Map<String, String> parameters) {
    Map<String, String> data = ServiceOptions.appData(parameters);
    AppData checked = new AppData(data);
    if (!checked.isWithinLimit()) {
      throw new AppDataTooLarge(checked.sizeInBytes(), AppData.MAX_BYTES);
    }
    return data;
  }

  /** {@code _phone_number} (or the Callback API's {@code _customer_number}) in E.164; optional. */
  static Optional<String> customerNumber(
      PhoneNumbers phoneNumbers, Map<String, String> parameters) {
    for (String field : List.of("_phone_number", "_customer_number")) {
      String raw = parameters.get(field);
      if (raw != null && !raw.isBlank()) {
        return Optional.of(
            phoneNumbers
                .toE164(raw)
                .orElseThrow(
                    () ->
                        new ParameterInvalid(
                            field,
                            "not a valid phone number for region "
                                + phoneNumbers.defaultRegion()
                                + ": "
                                + raw)));
      }
    }
    return Optional.empty();
  }
}
