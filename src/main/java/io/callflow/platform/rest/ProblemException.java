package io.callflow.platform.rest;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failure the client should hear about, answered as RFC 9457 problem+json with GMS's members
 * ({@code code}, {@code phrase}, {@code message}, {@code exception}) by {@link ProblemMapper}.
 *
 * <p>An application exception: thrown from an enterprise bean it reaches the caller as itself (not
 * wrapped in an {@code EJBException}, which would answer 500) and rolls the bean's transaction
 * back, so a refused request leaves nothing half done.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

  /** One bad request field: its name and why. */
  public record InvalidParam(String name, String reason) {}

  private final int status;
  private final String phrase;
  private final String gmsException;
  private final List<InvalidParam> invalidParams;
  private final Long retryAfterSeconds;
  private final java.util.Map<String, jakarta.json.JsonValue> extensions =
      new java.util.LinkedHashMap<>();

  public ProblemException(
      Status status,
      String phrase,
      String gmsException,
      String detail,
      List<InvalidParam> invalid) {
    this(status.getStatusCode(), phrase, gmsException, detail, invalid, null);
  }

  protected ProblemException(
      int status,
      String phrase,
      String gmsException,
      String detail,
      List<InvalidParam> invalid,
      Long retryAfterSeconds) {
    // an answer to the client, not a fault of the server: no stack trace to fill on each one
    super(detail, null, false, false);
    this.status = status;
    this.phrase = phrase;
    this.gmsException = gmsException;
    this.invalidParams = List.copyOf(invalid);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Any problem: status, GMS phrase and exception name, the detail, the bad fields, a Retry-After
   * (or null).
   */
  public static ProblemException of(
      int status,
      String phrase,
      String gmsException,
      String detail,
      List<InvalidParam> invalid,
      Long retryAfterSeconds) {
    return new ProblemException(status, phrase, gmsException, detail, invalid, retryAfterSeconds);
  }

  /**
   * Adds a member to the problem document (RFC 9457 extension), e.g. the slots a client may take
   * instead.
   */
  public ProblemException with(String member, jakarta.json.JsonValue value) {
    extensions.put(member, value);
    return this;
  }

  public java.util.Map<String, jakarta.json.JsonValue> extensions() {
    return java.util.Collections.unmodifiableMap(extensions);
  }

  /** 503 with {@code Retry-After}: a resource (pool, dependency) is unavailable for now. */
  public static ProblemException unavailable(String detail, long retryAfterSeconds) {
    return new ProblemException(
        Status.SERVICE_UNAVAILABLE.getStatusCode(),
        "SERVICE_UNAVAILABLE",
        "ServiceUnavailable",
        detail,
        List.of(),
        Math.max(1, retryAfterSeconds));
  }

  /** 422: a repeated Idempotency-Key with a different request. */
  public static ProblemException unprocessable(String field, String reason) {
    return new ProblemException(
        422,
        "UNPROCESSABLE",
        "UnprocessableRequest",
        field + ": " + reason,
        List.of(new InvalidParam(field, reason)),
        null);
  }

  /** 409: the request conflicts with the current state, e.g. an ambiguous match. */
  public static ProblemException conflict(String detail, List<InvalidParam> invalid) {
    return new ProblemException(Status.CONFLICT, "CONFLICT", "Conflict", detail, invalid);
  }

  /** 404 naming the field that points at nothing, with GMS's exception name for it. */
  public static ProblemException notFound(
      String field, String gmsException, String detail, String reason) {
    return new ProblemException(
        Status.NOT_FOUND,
        "NOT_FOUND",
        gmsException,
        field + ": " + detail,
        List.of(new InvalidParam(field, reason)));
  }

  /** 413: the named part of the request is larger than allowed. */
  public static ProblemException tooLarge(String field, String reason) {
    return new ProblemException(
        Status.REQUEST_ENTITY_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "PayloadTooLarge",
        field + ": " + reason,
        List.of(new InvalidParam(field, reason)));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(
        Status.NOT_FOUND, "NOT_FOUND", "ServiceNotFound", detail, List.of());
  }

  public static ProblemException badParameter(String name, String reason) {
    return new ProblemException(
        Status.BAD_REQUEST,
        "BAD_PARAMETER",
        "InvalidParameter",
        name + ": " + reason,
        List.of(new InvalidParam(name, reason)));
  }

  /** 400 naming every bad field at once, so a client fixes its request in one round. */
  public static ProblemException badParameters(List<InvalidParam> invalid) {
    if (invalid.size() == 1) {
      return badParameter(invalid.get(0).name(), invalid.get(0).reason());
    }
    return new ProblemException(
        Status.BAD_REQUEST,
        "BAD_PARAMETER",
        "InvalidParameter",
        invalid.stream().map(p -> p.name() + ": " + p.reason()).collect(Collectors.joining("; ")),
        invalid);
  }

  public int statusCode() {
    return status;
  }

  public String phrase() {
    return phrase;
  }

  public String gmsException() {
    return gmsException;
  }

  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }

  public java.util.Optional<Long> retryAfterSeconds() {
    return java.util.Optional.ofNullable(retryAfterSeconds);
  }
}
