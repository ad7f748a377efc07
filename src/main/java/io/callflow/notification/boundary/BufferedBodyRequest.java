package io.callflow.notification.boundary;

import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * A Bayeux request whose body has been read before CometD sees it, and which hands it to CometD's
 * non-blocking reader at once. CometD reads the body with a ReadListener and, on Jetty, may go on
 * from a callback after the servlet has returned; Payara refuses what CometD then does (it adds an
 * AsyncContext listener, allowed only during the dispatch that started async mode) and, besides,
 * reports a body that is received but still unread as finished. With the body in memory, the whole
 * message is handled inside the dispatch; only the answer to a held long poll comes later.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  private BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The request with its body read, or empty when the body is longer than {@code maxBytes}. */
  static Optional<BufferedBodyRequest> read(HttpServletRequest request, int maxBytes)
      throws IOException {
    byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
    return body.length > maxBytes
        ? Optional.empty()
        : Optional.of(new BufferedBodyRequest(request, body));
  }

  /**
   * Why the body is not JSON, or empty when it is (an empty body is CometD's to answer): CometD
   * answers a body it cannot parse with a bare 500 and logs nothing.
   */
  Optional<String> notJson() {
    if (body.length == 0) {
      return Optional.empty();
    }
    try (JsonParser parser = Jsonp.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        parser.next();
      }
      return Optional.empty();
    } catch (JsonException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  @Override
  public ServletInputStream getInputStream() {
    return new BufferedBody(body);
  }

  private static final class BufferedBody extends ServletInputStream {

    private final ByteArrayInputStream bytes;

    BufferedBody(byte[] body) {
      this.bytes = new ByteArrayInputStream(body);
    }

    @Override
    public boolean isFinished() {
      return bytes.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    /**
     * Says once, right away, that everything can be read: a listener that reads until {@link
     * #isFinished()} needs no second call, and CometD's takes a second one for a new round of
     * reads.
     */
    @Override
    public void setReadListener(ReadListener listener) {
      try {
        if (isFinished()) {
          listener.onAllDataRead();
        } else {
          listener.onDataAvailable();
        }
      } catch (IOException e) {
        listener.onError(e);
      }
    }

    @Override
    public int read() {
      return bytes.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return bytes.read(buffer, offset, length);
    }

    @Override
    public int available() {
      return bytes.available();
    }
  }
}
