package io.callflow.platform.rest;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * A request body that a resource method takes as a JSON-P value (a {@code JsonObject} parameter)
 * and that is not JSON, or JSON of another kind, is a 400 naming {@code body}, as {@link
 * JsonRequest} answers it, not the 500 of an unexpected failure.
 */
@Provider
public class MalformedJsonBody implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!JsonValue.class.isAssignableFrom(context.getType())) {
      return context.proceed();
    }
    Object read;
    try {
      read = context.proceed();
    } catch (JsonException e) {
      throw ProblemException.badParameter("body", "malformed JSON: " + e.getMessage());
    }
    if (read != null && !context.getType().isInstance(read)) {
      throw ProblemException.badParameter(
          "body",
          context.getType() == JsonObject.class
              ? "must be a JSON object"
              : "must be JSON of another kind");
    }
    return read;
  }
}
