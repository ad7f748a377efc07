package io.callflow.soak;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * Customers who get a number at once and call it: request-interaction (built-in, the DNIS pool,
 * with a code) and request-inbound-immediate. Most call and are matched by the IVR; some cancel,
 * some never call and let the booking expire, some ask for their number again, and the IVR
 * sometimes hears a wrong code, which must not match.
 */
final class AccessJourneys {

  private final JourneySteps steps;
  private final AppAndIvr app;
  private final Ledger ledger;

  AccessJourneys(JourneySteps steps) {
    this.steps = steps;
    this.app = steps.app;
    this.ledger = steps.ledger;
  }

  void interaction() {
    // GMS apps send an empty form as often as app data; both are valid
    Map<String, String> form =
        Pace.chance(50) ? Map.of() : Map.of("first_name", "Ada", "order", "42");
    Optional<JsonObject> created =
        steps.created("request-interaction", app.create("request-interaction", form));
    if (created.isEmpty()) {
      return;
    }
    String id = created.get().getString("_id");
    String number = created.get().getString("_access_number");
    String code = created.get().getString("_access_code", null);
    if (Pace.chance(4)) {
      ledger.expect(id, "EXPIRED");
      ledger.journey("request-interaction: never called (booking left to expire)");
      return;
    }
    if (Pace.chance(10)) {
      steps.cancel("request-interaction", id, "cancelled");
      return;
    }
    if (Pace.chance(5)) {
      app.requestAccess(id, number);
    }
    if (code != null && Pace.chance(5)) {
      app.matchWithWrongCode(number, otherCode(code));
    }
    Pace.pause(50, 500); // the customer dials
    call("request-interaction", id, number, code, null);
  }

  void inboundImmediate() {
    String ani = app.newCaller();
    Optional<JsonObject> created =
        steps.created(
            "request-inbound-immediate",
            app.create(
                "request-inbound-immediate", Map.of("_phone_number", ani, "topic", "billing")));
    if (created.isEmpty()) {
      return;
    }
    String id = created.get().getString("_id");
    if (Pace.chance(10)) {
      steps.cancel("request-inbound-immediate", id, "cancelled");
      return;
    }
    Pace.pause(50, 500);
    call(
        "request-inbound-immediate",
        id,
        created.get().getString("_access_number"),
        created.get().getString("_access_code", null),
        ani);
  }

  private void call(String service, String id, String number, String code, String ani) {
    if (app.match(id, number, code, ani).isPresent()) {
      ledger.expect(id, "COMPLETED"); // no agent involved: a match completes the instance
      ledger.journey(service + ": called and matched");
    } else {
      ledger.journey(service + ": call not matched (wrong)");
    }
  }

  private static String otherCode(String code) {
    char last = code.charAt(code.length() - 1);
    return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
  }
}
