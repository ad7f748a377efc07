package io.callflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.callflow.platform.rest.ProblemException;
import io.callflow.platform.rest.RequestParameters;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParametersTest {

  private static Map<String, String> parse(MediaType type, String body) {
    return RequestParameters.parse(
        type, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void emptyBodyIsAnEmptyFormWhateverTheContentType() {
    assertEquals(Map.of(), parse(null, ""));
    assertEquals(Map.of(), parse(MediaType.APPLICATION_FORM_URLENCODED_TYPE, ""));
    assertEquals(Map.of(), parse(MediaType.APPLICATION_JSON_TYPE, ""));
  }

  @Test
  void urlEncodedFormsAreDecoded() {
    assertEquals(
        Map.of("_phone_number", "+1 800 555 0100", "first_name", "Zoë", "flag", ""),
        parse(
            MediaType.APPLICATION_FORM_URLENCODED_TYPE,
            "_phone_number=%2B1+800+555+0100&first_name=Zo%C3%AB&flag"));
  }

  @Test
  void jsonScalarsBecomeStrings() {
    assertEquals(
        Map.of("_provide_code", "true", "_access_code_length", "4", "name", "Ada"),
        parse(
            MediaType.APPLICATION_JSON_TYPE,
            "{\"_provide_code\":true,\"_access_code_length\":4,\"name\":\"Ada\",\"x\":null}"));
  }

  @Test
  void nestedJsonAndMalformedJsonNameTheProblem() {
    ProblemException nested =
        assertThrows(
            ProblemException.class,
            () -> parse(MediaType.APPLICATION_JSON_TYPE, "{\"a\":{\"b\":1}}"));
    assertEquals("a", nested.invalidParams().get(0).name());
    ProblemException malformed =
        assertThrows(
            ProblemException.class, () -> parse(MediaType.APPLICATION_JSON_TYPE, "{\"a\":"));
    assertEquals(400, malformed.statusCode());
    assertEquals("body", malformed.invalidParams().get(0).name());
  }

  @Test
  void multipartFormsAreRead() {
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"_phone_number\"\r\n\r\n+18005550100\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "two\r\nlines é\r\n--XyZ--\r\n";
    MediaType multipart = new MediaType("multipart", "form-data", Map.of("boundary", "XyZ"));
    assertEquals(
        Map.of("_phone_number", "+18005550100", "note", "two\r\nlines é"), parse(multipart, body));
  }

  @Test
  void bodiesOverOneMegabyteAre413() {
    String big = "a=" + "x".repeat(RequestParameters.MAX_BODY_BYTES);
    ProblemException tooLarge =
        assertThrows(
            ProblemException.class, () -> parse(MediaType.APPLICATION_FORM_URLENCODED_TYPE, big));
    assertEquals(413, tooLarge.statusCode());
  }

  @Test
  void bodiesOfEveryLengthUpToTheLimitAreReadWhole() {
    for (int length : new int[] {2, 511, 512, 513, 4096, RequestParameters.MAX_BODY_BYTES}) {
      String value = "x".repeat(length - 2);
      // a stream that answers a few bytes per read, as a slow client's body arrives
      InputStream trickle =
          new FilterInputStream(
              new ByteArrayInputStream(("a=" + value).getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] into, int offset, int count) throws IOException {
              return super.read(into, offset, Math.min(count, 300));
            }
          };
      Map<String, String> form =
          RequestParameters.parse(MediaType.APPLICATION_FORM_URLENCODED_TYPE, trickle);
      assertEquals(value, form.get("a"), "length " + length);
    }
  }

  @Test
  void otherMediaTypesAre415() {
    ProblemException unsupported =
        assertThrows(ProblemException.class, () -> parse(MediaType.TEXT_PLAIN_TYPE, "hello"));
    assertEquals(415, unsupported.statusCode());
  }
}
