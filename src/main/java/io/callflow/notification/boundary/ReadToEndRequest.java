package io.callflow.notification.boundary;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body counts as finished only once it has been read to the end. Payara's HTTP layer
 * (Grizzly) says {@code isFinished()} as soon as the whole body has been <em>received</em>, even
 * while it still sits unread in the buffer; CometD's non-blocking reader asks {@code isFinished()}
 * first, takes that for the end of a small body that came in one packet, and fails every Bayeux
 * request with "no JSON parsed".
 */
final class ReadToEndRequest extends HttpServletRequestWrapper {

  ReadToEndRequest(HttpServletRequest request) {
    super(request);
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    return new ReadToEndStream(super.getInputStream());
  }

  private static final class ReadToEndStream extends ServletInputStream {

    private final ServletInputStream body;

    ReadToEndStream(ServletInputStream body) {
      this.body = body;
    }

    @Override
    public boolean isFinished() {
      try {
        return body.isFinished() && body.available() <= 0;
      } catch (IOException e) {
        return true; // a broken stream has nothing more to give; the next read reports the failure
      }
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }

    @Override
    public int read() throws IOException {
      return body.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return body.read(buffer, offset, length);
    }

    @Override
    public int available() throws IOException {
      return body.available();
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
