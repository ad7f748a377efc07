package io.callflow.platform.rest;

import jakarta.json.JsonStructure;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Writes a JSON object or array answer as the bytes of its text. JSON-P's own body writer opens a
 * JSON writer on the response stream for every answer, with a fresh 8 KB encoder buffer, for
 * answers of a few hundred bytes. The text is the same: {@code toString()} runs JSON-P's writer
 * without pretty printing, as that body writer does. Written for {@code JsonStructure}, closer to
 * the answers' types than JSON-P's writer for {@code JsonValue}, so JAX-RS picks this one.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, ProblemMapper.PROBLEM_JSON})
public class JsonStructureWriter implements MessageBodyWriter<JsonStructure> {

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonStructure.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      JsonStructure value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream body)
      throws IOException {
    body.write(value.toString().getBytes(charsetOf(mediaType)));
  }

  private static Charset charsetOf(MediaType mediaType) {
    String charset = mediaType == null ? null : mediaType.getParameters().get("charset");
    try {
      return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8; // JSON's own encoding, rather than no answer at all
    }
  }
}
