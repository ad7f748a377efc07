package io.callflow.platform.rest;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A failure the client should hear about, answered as RFC 9457 problem+json with GMS's members
 * ({@code code}, {@code phrase}, {@code message}, {@code exception}) by {@link ProblemMapper}.
 */
public class ProblemException extends RuntimeException {

  /** One bad request field: its name and why. */
  public record InvalidParam(String name, String reason) {}

  private final Status status;
  private final String phrase;
  private final String gmsException;
  private final List<InvalidParam> invalidParams;

  public ProblemException(
      Status status, String phrase, String gmsException, String detail, List<InvalidParam> invalid) {
    super(detail);
    this.status = status;
    this.phrase = phrase;
    this.gmsException = gmsException;
    this.invalidParams = List.copyOf(invalid);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Status.NOT_FOUND, "NOT_FOUND", "ServiceNotFound", detail, List.of());
  }

  public static ProblemException badParameter(String name, String reason) {
    return new ProblemException(
        Status.BAD_REQUEST,
        "BAD_PARAMETER",
        "InvalidParameter",
        name + ": " + reason,
        List.of(new InvalidParam(name, reason)));
  }

  public Status status() {
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
}
