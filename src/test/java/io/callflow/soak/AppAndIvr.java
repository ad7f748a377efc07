package io.callflow.soak;

import io.callflow.testing.GmsClient;
import io.callflow.testing.GmsClient.Reply;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a simulated app and the IVR say to the Service API, each request timed and judged by {@link
 * Measurements}. Answers are empty when the request was not served (the measurements say why).
 */
final class AppAndIvr {

  private static final String SERVICE = "/genesys/1/service/";

  /** Customer numbers never used twice in a run, so no two customers share a callback number. */
  private final AtomicInteger nextCaller = new AtomicInteger();

  private final GmsClient gms;
  private final Measurements measurements;

  AppAndIvr(GmsClient gms, Measurements measurements) {
    this.gms = gms;
    this.measurements = measurements;
  }

  /** A customer's own number: +1 415 2xx xxxx, a valid US number. */
  String newCaller() {
    return "+1415" + (2_000_000 + nextCaller.getAndIncrement() % 1_000_000);
  }

  /**
   * POST /service/{service}: the create answer, or the reply itself when the pool was exhausted.
   */
  Reply create(String service, Map<String, String> form) {
    return measurements.timed(
        "POST " + service, Measurements.ok(), () -> gms.postForm(SERVICE + service, form));
  }

  /** POST /service/callback/{name}, the GMS 8.5 Callback API's create. */
  Reply createCallback(String name, Map<String, String> form) {
    return measurements.timed(
        "POST callback/" + name,
        Measurements.ok(),
        () -> gms.postForm(SERVICE + "callback/" + name, form));
  }

  Optional<JsonObject> read(String id) {
    return json(
        measurements.timed("GET /service/{id}", Measurements.ok(), () -> gms.get(SERVICE + id)));
  }

  /** GET /service/{id}/{request}, e.g. check-queue-position or DialNumber. */
  Optional<JsonObject> request(String id, String request) {
    return json(
        measurements.timed(
            "GET /service/{id}/" + request,
            Measurements.ok(),
            () -> gms.get(SERVICE + id + "/" + request)));
  }

  /**
   * POST /service/request-access for an instance that already holds {@code number}: must answer it
   * again.
   */
  void requestAccess(String id, String number) {
    json(measurements.timed(
            "POST request-access",
            Measurements.ok(),
            () -> gms.postForm(SERVICE + "request-access", Map.of("_id", id))))
        .filter(again -> !number.equals(again.getString("_access_number", "")))
        .ifPresent(
            again ->
                measurements.wrongOutcome(
                    "POST request-access", id + " holds " + number + " but got " + again));
  }

  /** DELETE /service/{id}: true when the instance is cancelled. */
  boolean cancel(String id) {
    return json(measurements.timed(
            "DELETE /service/{id}", Measurements.ok(), () -> gms.delete(SERVICE + id)))
        .filter(answer -> "CANCELLED".equals(answer.getString("_state", "")))
        .isPresent();
  }

  /**
   * The IVR matches a call to {@code accessNumber} from {@code ani}, with the code when one was
   * given: the matched instance's answer, checked to be {@code expectedId}.
   */
  Optional<JsonObject> match(String expectedId, String accessNumber, String code, String ani) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_access_number", accessNumber);
    if (code != null) {
      form.put("_access_code", code);
    }
    if (ani != null) {
      form.put("_phone_number", ani);
    }
    form.put("_return_user_data", "true");
    Optional<JsonObject> matched =
        json(
            measurements.timed(
                "POST match-interaction",
                Measurements.ok(),
                () -> gms.postForm(SERVICE + "match-interaction", form)));
    if (matched.isPresent() && !expectedId.equals(matched.get().getString("_id", ""))) {
      measurements.wrongOutcome(
          "POST match-interaction",
          "call for " + expectedId + " on " + accessNumber + " matched " + matched.get());
      return Optional.empty();
    }
    return matched;
  }

  /**
   * The IVR matches a call to a locked number with a code that is not the booking's: must be a 404.
   */
  void matchWithWrongCode(String accessNumber, String wrongCode) {
    measurements.timed(
        "POST match-interaction (wrong code)",
        Set.of(404),
        () ->
            gms.postForm(
                SERVICE + "match-interaction",
                Map.of("_access_number", accessNumber, "_access_code", wrongCode)));
  }

  private static Optional<JsonObject> json(Reply reply) {
    return reply != null && reply.status() == 200 ? Optional.of(reply.json()) : Optional.empty();
  }
}
