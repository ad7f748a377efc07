package io.callflow.callback.entity;

import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.ProblemException.InvalidParam;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The Callback API's errors: GMS's mobile libraries recognise them by the end of {@code exception}
 * (CallbackExceptionAvailability, …Number, …Duplicate, …NotFound, …Resource) and read the integer
 * {@code code} and {@code phrase}; availability errors propose slots in {@code availability}.
 */
public final class CallbackProblems {

  private CallbackProblems() {}

  public static ProblemException availability(String field, String reason, JsonObject freeSlots) {
    return ProblemException.of(
            400,
            "BAD_PARAMETER",
            "CallbackExceptionAvailability",
            field + ": " + reason,
            List.of(new InvalidParam(field, reason)),
            null)
        .with("availability", freeSlots);
  }

  public static ProblemException number(String field, String reason) {
    return ProblemException.of(
        400,
        "BAD_PARAMETER",
        "CallbackExceptionNumber",
        field + ": " + reason,
        List.of(new InvalidParam(field, reason)),
        null);
  }

  public static ProblemException duplicate(String number, int limit) {
    String reason = "customer number " + number + " already has " + limit + " live callback(s)";
    return ProblemException.of(
        400,
        "BAD_PARAMETER",
        "CallbackExceptionDuplicate",
        "_customer_number: " + reason,
        List.of(new InvalidParam("_customer_number", reason)),
        null);
  }

  public static ProblemException throttled(String detail, long retryAfterSeconds) {
    return ProblemException.of(
        429,
        "TOO_MANY_REQUESTS",
        "CallbackExceptionThrottle",
        detail,
        List.of(),
        retryAfterSeconds);
  }

  public static ProblemException notFound(String detail) {
    return ProblemException.of(
        400,
        "BAD_PARAMETER",
        "CallbackExceptionNotFound",
        detail,
        List.of(new InvalidParam("_id", detail)),
        null);
  }

  public static ProblemException resource(String name) {
    String reason = "no callback service named " + name;
    return ProblemException.of(
        400,
        "BAD_PARAMETER",
        "CallbackExceptionResource",
        "service-name: " + reason,
        List.of(new InvalidParam("service-name", reason)),
        null);
  }
}
