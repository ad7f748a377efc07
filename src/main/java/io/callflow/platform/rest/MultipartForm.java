package io.callflow.platform.rest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small multipart/form-data reader (RFC 7578) for GMS request bodies: each part's {@code name}
 * and its content as UTF-8 text. What PHP's curl and mobile HTTP stacks send for a form of strings.
 */
final class MultipartForm {

  private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");

  private MultipartForm() {}

  static Map<String, String> parse(byte[] body, String boundary) {
    String text =
        new String(body, StandardCharsets.ISO_8859_1); // byte-preserving, decoded per part
    String delimiter = "--" + boundary;
    Map<String, String> values = new LinkedHashMap<>();
    int at = text.indexOf(delimiter);
    if (at < 0) {
      throw ProblemException.badParameter("body", "multipart boundary not found");
    }
    while (true) {
      int partStart = at + delimiter.length();
      if (text.startsWith("--", partStart)) {
        return values; // closing delimiter
      }
      int next = text.indexOf("\r\n" + delimiter, partStart);
      if (next < 0) {
        throw ProblemException.badParameter("body", "multipart body is not terminated");
      }
      readPart(text.substring(skipLineBreak(text, partStart), next), values);
      at = next + 2;
    }
  }

  private static int skipLineBreak(String text, int index) {
    return text.startsWith("\r\n", index) ? index + 2 : index;
  }

  private static void readPart(String part, Map<String, String> values) {
    int headersEnd = part.indexOf("\r\n\r\n");
    if (headersEnd < 0) {
      throw ProblemException.badParameter("body", "multipart part without headers");
    }
    String name = null;
    for (String header : part.substring(0, headersEnd).split("\r\n")) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        Matcher matcher = NAME.matcher(header.substring(header.indexOf(':') + 1));
        if (matcher.find()) {
          name =
              new String(
                  matcher.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
      }
    }
    if (name == null) {
      throw ProblemException.badParameter("body", "multipart part without a name");
    }
    String content = part.substring(headersEnd + 4);
    values.put(
        name, new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }
}
