package io.callflow.soak;

import io.callflow.testing.GmsClient.Reply;
import jakarta.json.JsonObject;
import java.util.Optional;

/** Steps every journey takes, with their entries in the ledger: being created, cancelling. */
final class JourneySteps {

  final AppAndIvr app;
  final Ledger ledger;

  JourneySteps(AppAndIvr app, Ledger ledger) {
    this.app = app;
    this.ledger = ledger;
  }

  /** The create answer when it was a 200 (then the instance is in the ledger); empty otherwise. */
  Optional<JsonObject> created(String service, Reply reply) {
    if (reply == null || reply.status() != 200) {
      ledger.journey(
          service + ": refused (" + (reply == null ? "no answer" : reply.status()) + ")");
      if (reply != null && reply.status() == 503) {
        // a real app waits as told; capped so the soak keeps its pace
        long seconds = reply.header("Retry-After").map(Long::parseLong).orElse(1L);
        Pace.pause(500, Math.max(500, Math.min(seconds, 3) * 1000));
      }
      return Optional.empty();
    }
    JsonObject answer = reply.json();
    ledger.created(answer.getString("_id"), service);
    return Optional.of(answer);
  }

  void cancel(String service, String id, String why) {
    if (app.cancel(id)) {
      ledger.expect(id, "CANCELLED");
      ledger.journey(service + ": " + why);
    } else {
      ledger.journey(service + ": cancel refused (wrong)");
    }
  }
}
