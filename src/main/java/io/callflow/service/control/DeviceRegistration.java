package io.callflow.service.control;

import io.callflow.platform.domain.ParameterInvalid;
import java.util.Map;
import java.util.Optional;

/** {@code _device_notification_id} + {@code _device_os} on a create: the device to push to. */
record DeviceRegistration(String deviceId, String deviceOs) {

  static final String DEVICE_ID = "_device_notification_id";
  static final String DEVICE_OS = "_device_os";

  static Optional<DeviceRegistration> of(Map<String, String> parameters) {
    String id = blankToNull(parameters.get(DEVICE_ID));
    String os = blankToNull(parameters.get(DEVICE_OS));
    if (id == null && os == null) {
      return Optional.empty();
    }
    if (id == null) {
      throw new ParameterInvalid(DEVICE_ID, "required with " + DEVICE_OS);
    }
    if (os == null) {
      throw new ParameterInvalid(
          DEVICE_OS, "required with " + DEVICE_ID + " (fcm, gcm, ios, comet, httpcb)");
    }
    return Optional.of(new DeviceRegistration(id, os));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
