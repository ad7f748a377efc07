package io.callflow.soak;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * Customers the contact center calls back: request-outbound-immediate and the Callback API's
 * built-in {@code samples} service (an immediate USERTERMINATED callback). An agent is reserved,
 * the desktop gets the outbound offer with the number to dial, and reports the call COMPLETED after
 * the talk time; the app watches its instance until then, and gives up (cancels) after {@link
 * QueuedJourneys#PATIENCE}.
 */
final class CallbackJourneys {

  private final JourneySteps steps;
  private final AppAndIvr app;
  private final Ledger ledger;

  CallbackJourneys(JourneySteps steps) {
    this.steps = steps;
    this.app = steps.app;
    this.ledger = steps.ledger;
  }

  void outboundImmediate() {
    String service = "request-outbound-immediate";
    Optional<JsonObject> created =
        steps.created(
            service,
            app.create(service, Map.of("_phone_number", app.newCaller(), "first_name", "Ada")));
    created.ifPresent(answer -> awaitCall(service, answer.getString("_id")));
  }

  void callbackApi() {
    String service = "callback/samples";
    Optional<JsonObject> created =
        steps.created(
            service,
            app.createCallback(
                "samples", Map.of("_customer_number", app.newCaller(), "first_name", "Ada")));
    created.ifPresent(answer -> awaitCall(service, answer.getString("_id")));
  }

  private void awaitCall(String service, String id) {
    long givesUpAt = System.nanoTime() + QueuedJourneys.PATIENCE.toNanos();
    while (System.nanoTime() < givesUpAt) {
      Pace.pause(700, 1300);
      String state = app.read(id).map(s -> s.getString("_state", "")).orElse("");
      switch (state) {
        case "COMPLETED" -> {
          ledger.expect(id, "COMPLETED");
          ledger.journey(service + ": called back by an agent");
          return;
        }
        case "CANCELLED", "EXPIRED", "FAILED" -> {
          ledger.journey(service + ": ended " + state + " (wrong)");
          return;
        }
        default -> {}
      }
    }
    steps.cancel(service, id, "gave up after " + QueuedJourneys.PATIENCE.toSeconds() + " s");
  }
}
