package io.callflow.callback.entity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A callback as the Callback API lists it: its app data, and GMS's record properties beside it.
 * Queries filter on the properties by their names, so the names are the domain's own.
 */
public record CallbackRecord(
    Map<String, String> appData,
    String id,
    String service,
    CallbackState state,
    String reason,
    Instant desiredTime,
    Instant expirationTime,
    String customerNumber) {

  /**
   * The properties by their Callback API names ({@code _id}, {@code _service_name}, {@code
   * _callback_state}, {@code _callback_reason}, {@code _desired_time}, {@code _expiration_time},
   * {@code _customer_number}) after the app data, which they win over.
   */
  public Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>(appData);
    properties.put("_id", id);
    properties.put("_service_name", service);
    properties.put("_callback_state", state.name());
    properties.put("_callback_reason", reason);
    properties.put("_desired_time", CallbackSlot.FORMAT.format(desiredTime));
    properties.put("_expiration_time", CallbackSlot.FORMAT.format(expirationTime));
    properties.put("_customer_number", customerNumber);
    return properties;
  }
}
