package io.callflow.desktop.entity;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.Objects;

/** The customer a reservation is for: the number to reach them and the app's data for the agent. */
public record Customer(String phone, JsonObject data) {

  public Customer {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(data, "data");
  }

  static Customer fromJson(MessageFields fields) {
    return new Customer(fields.text("phone"), fields.object("data"));
  }

  JsonObject toJson() {
    return Jsonp.createObjectBuilder().add("phone", phone).add("data", data).build();
  }
}
