package io.callflow.platform.rest;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that reaches JAX-RS into problem+json that both RFC 9457 clients and GMS
 * clients read. A unique-constraint violation is a 409 (a concurrent request won the key), never a
 * 500. Unexpected failures are logged with an id the answer repeats; no stack trace leaves the
 * server.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  /** The features' own mappers, for their domain exceptions that an EJB container wrapped. */
  @Context Providers providers;

  public ProblemMapper() {}

  ProblemMapper(Providers providers) {
    this.providers = providers;
  }

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable failure = unwrap(thrown);
    if (failure instanceof ProblemException problem) {
      return answer(problem);
    }
    Response mapped = byFeatureMapper(failure);
    if (mapped != null) {
      return mapped;
    }
    if (failure instanceof jakarta.ejb.ConcurrentAccessTimeoutException) {
      return answer(ProblemException.unavailable("the server is busy; retry shortly", 1));
    }
    // before the outage check: a violation found at commit also arrives as a rolled-back
    // transaction
    Optional<UniqueViolation> duplicate = UniqueViolation.of(thrown);
    if (duplicate.isPresent()) {
      LOG.warning(
          () ->
              "Answered 409: unique constraint "
                  + duplicate.get().constraint()
                  + " violated by a concurrent request");
      return answer(duplicate.get().problem());
    }
    if (ConcurrentChange.in(thrown)) {
      LOG.info("Answered 409: a concurrent request changed the same record");
      return answer(
          ProblemException.conflict(
              "a concurrent request changed the same record; repeat the request",
              java.util.List.of()));
    }
    Optional<DependencyOutage.Dependency> outage = DependencyOutage.of(thrown);
    if (outage.isPresent()) {
      DependencyOutage.Dependency down = outage.get();
      LOG.warning(
          () ->
              "Answered 503: "
                  + down.description
                  + " is unavailable ("
                  + DependencyOutage.describe(thrown)
                  + ")");
      return answer(
          ProblemException.of(
              503,
              "SERVICE_UNAVAILABLE",
              down.exception,
              down.description + " is unavailable; retry shortly",
              java.util.List.of(),
              DependencyOutage.RETRY_AFTER_SECONDS));
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      Status known = Status.fromStatusCode(status);
      String title = known == null ? "HTTP " + status : known.getReasonPhrase();
      return answer(status, title.toUpperCase().replace(' ', '_'), "HttpError", title, body -> {});
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
    return answer(
        500,
        "INTERNAL_ERROR",
        "InternalError",
        "Unexpected server failure; the server log has incident " + incident,
        body -> body.add("incident", incident));
  }

  /**
   * EJB containers wrap what they call system exceptions; the cause is what the client should hear
   * about.
   */
  private static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    while (current instanceof jakarta.ejb.EJBException
        && current.getCause() != null
        && !(current instanceof jakarta.ejb.ConcurrentAccessTimeoutException)) {
      current = current.getCause();
    }
    return current;
  }

  /** A feature's mapper for {@code failure}'s type (not this catch-all), or null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Response byFeatureMapper(Throwable failure) {
    if (providers == null) {
      return null;
    }
    ExceptionMapper mapper = providers.getExceptionMapper(failure.getClass());
    return mapper == null
            || mapper instanceof ProblemMapper
            || mapper instanceof TransactionFailureMapper
        ? null
        : mapper.toResponse(failure);
  }

  /** The problem+json answer to {@code problem}, for the features' own mappers too. */
  public static Response answer(ProblemException problem) {
    Response response =
        answer(
            problem.statusCode(),
            problem.phrase(),
            problem.gmsException(),
            problem.getMessage(),
            body -> {
              if (!problem.invalidParams().isEmpty()) {
                JsonArrayBuilder params = Jsonp.createArrayBuilder();
                problem
                    .invalidParams()
                    .forEach(
                        p ->
                            params.add(
                                Jsonp.createObjectBuilder()
                                    .add("name", p.name())
                                    .add("reason", p.reason())));
                body.add("invalid_params", params);
              }
              problem.extensions().forEach(body::add);
            });
    return problem
        .retryAfterSeconds()
        .map(seconds -> Response.fromResponse(response).header("Retry-After", seconds).build())
        .orElse(response);
  }

  private static Response answer(
      int status,
      String phrase,
      String gmsException,
      String detail,
      java.util.function.Consumer<JsonObjectBuilder> extra) {
    JsonObjectBuilder body = problem(status, phrase, gmsException, detail);
    extra.accept(body);
    return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
  }

  /**
   * Writes a problem answer ({@code HttpError}) to a servlet's response, for what answers before or
   * beside JAX-RS: the container's error pages, the CometD endpoint.
   */
  public static void write(HttpServletResponse response, int status, String phrase, String detail)
      throws IOException {
    byte[] body =
        problem(status, phrase, "HttpError", detail)
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * The members every problem answer has: RFC 9457's and GMS's ({@code code}, {@code phrase},
   * {@code message}, {@code exception}).
   */
  static JsonObjectBuilder problem(int status, String phrase, String gmsException, String detail) {
    Status known = Status.fromStatusCode(status);
    return Jsonp.createObjectBuilder()
        .add("type", "about:blank")
        .add("title", known == null ? phrase : known.getReasonPhrase())
        .add("status", status)
        .add("code", status)
        .add("phrase", phrase)
        .add("detail", detail)
        .add("message", detail)
        .add("exception", gmsException);
  }
}
