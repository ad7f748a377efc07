package io.callflow.soak;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Customers who wait in the {@code default} queue for an agent (built-in request-inbound-delay and
 * request-inbound-poll): the delay app looks at its instance, the poll app asks
 * check-queue-position, until the number is issued; then the customer calls, the IVR matches, the
 * agent's desktop takes the offer and hangs up after the talk time. Some customers give up while
 * waiting, and anyone still waiting after {@link #PATIENCE} gives up too, so a journey always ends.
 */
final class QueuedJourneys {

  static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final Set<String> FINAL = Set.of("COMPLETED", "CANCELLED", "EXPIRED", "FAILED");

  private final JourneySteps steps;
  private final AppAndIvr app;
  private final Ledger ledger;
  private final Duration longestCall;

  QueuedJourneys(JourneySteps steps, Duration longestCall) {
    this.steps = steps;
    this.app = steps.app;
    this.ledger = steps.ledger;
    this.longestCall = longestCall;
  }

  void inboundDelay() {
    waitForAnAgent("request-inbound-delay", false);
  }

  void inboundPoll() {
    waitForAnAgent("request-inbound-poll", true);
  }

  private void waitForAnAgent(String service, boolean polls) {
    String ani = app.newCaller();
    Optional<JsonObject> created =
        steps.created(
            service, app.create(service, Map.of("_phone_number", ani, "first_name", "Ada")));
    if (created.isEmpty()) {
      return;
    }
    String id = created.get().getString("_id");
    boolean impatient = Pace.chance(15);
    long givesUpAt =
        System.nanoTime()
            + (impatient ? Duration.ofSeconds(1 + (id.hashCode() & 3)) : PATIENCE).toNanos();
    Optional<JsonObject> dial = Optional.empty();
    while (dial.isEmpty()) {
      Pace.pause(400, 900);
      Optional<JsonObject> seen = polls ? app.request(id, "check-queue-position") : app.read(id);
      String state = seen.map(s -> s.getString("_state", "")).orElse("");
      if (FINAL.contains(state)) {
        ledger.journey(service + ": ended " + state + " while waiting (wrong)");
        return;
      }
      if (System.nanoTime() > givesUpAt) {
        steps.cancel(
            service,
            id,
            impatient ? "gave up while queued" : "gave up after " + PATIENCE.toSeconds() + " s");
        return;
      }
      if ("ACCESS_ISSUED".equals(state)) {
        // the poll answer carries the DialNumber dialog; the delay app asks for it, as after a push
        dial =
            polls && seen.get().containsKey("_access_number")
                ? seen
                : app.request(id, "DialNumber");
      }
    }
    Pace.pause(50, 500); // the customer dials
    JsonObject number = dial.get();
    Optional<JsonObject> matched =
        app.match(
            id, number.getString("_access_number"), number.getString("_access_code", null), ani);
    if (matched.isEmpty()) {
      ledger.journey(service + ": call not matched (wrong)");
      return;
    }
    if (!matched.get().containsKey("_agent_id")) {
      ledger.journey(service + ": matched without the reserved agent (wrong)");
    }
    ledger.expect(id, "COMPLETED");
    ledger.journey(
        service
            + ": "
            + (awaitHangUp(id)
                ? "served by an agent"
                : "call not ended by the agent in time (wrong)"));
  }

  /** The customer stays on the call until the agent's desktop reports it COMPLETED. */
  private boolean awaitHangUp(String id) {
    long deadline = System.nanoTime() + longestCall.plusSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Pace.pause(500, 1000);
      if (app.read(id).filter(s -> "COMPLETED".equals(s.getString("_state", ""))).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
