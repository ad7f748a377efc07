package io.callflow.console.boundary;

import io.callflow.console.entity.Messaging;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** The broker and the outbox as the console reads them. */
final class MessagingJson {

  private MessagingJson() {}

  static JsonObject write(Messaging messaging, Instant now) {
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("broker", messaging.brokerUp() ? "UP" : "DOWN")
            .add("outboxBacklog", messaging.outboxBacklog());
    messaging.oldestWaiting().ifPresent(at -> json.add("oldestWaiting", at.toString()));
    messaging.oldestAge(now).ifPresent(age -> json.add("oldestAgeSeconds", age.toSeconds()));
    messaging.error().ifPresent(error -> json.add("error", error));
    messaging.relayError().ifPresent(error -> json.add("relayError", error));
    return json.build();
  }
}
