package io.callflow.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BufferedBodyRequestTest {

  private static final byte[] HANDSHAKE =
      "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\"}]".getBytes(StandardCharsets.UTF_8);

  @Test
  void listenerHearsOnceAndReadsTheWholeBodyRightAway() throws IOException {
    ServletInputStream body =
        BufferedBodyRequest.read(requestWith(HANDSHAKE), 1024).orElseThrow().getInputStream();
    List<String> calls = new ArrayList<>();
    ByteArrayOutputStream read = new ByteArrayOutputStream();

    body.setReadListener(
        new Recorder(calls) {
          @Override
          public void onDataAvailable() throws IOException {
            super.onDataAvailable();
            byte[] chunk = new byte[16]; // small chunks: CometD reads 512 bytes at a time
            while (body.isReady() && !body.isFinished()) {
              read.write(chunk, 0, body.read(chunk, 0, chunk.length));
            }
          }
        });

    assertEquals(List.of("onDataAvailable"), calls);
    assertArrayEquals(HANDSHAKE, read.toByteArray());
    assertTrue(body.isFinished());
    assertEquals(-1, body.read());
  }

  @Test
  void emptyBodyIsAllReadAtOnce() throws IOException {
    ServletInputStream body =
        BufferedBodyRequest.read(requestWith(new byte[0]), 1024).orElseThrow().getInputStream();
    List<String> calls = new ArrayList<>();

    body.setReadListener(new Recorder(calls));

    assertEquals(List.of("onAllDataRead"), calls);
    assertTrue(body.isFinished());
  }

  @Test
  void bodyLongerThanTheLimitIsRefused() throws IOException {
    assertTrue(BufferedBodyRequest.read(requestWith(HANDSHAKE), HANDSHAKE.length - 1).isEmpty());
    assertTrue(BufferedBodyRequest.read(requestWith(HANDSHAKE), HANDSHAKE.length).isPresent());
  }

  private static HttpServletRequest requestWith(byte[] body) {
    ServletInputStream stream = new BlockingBody(body);
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            HttpServletRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getInputStream")) {
                return stream;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** The container's stream, read the blocking way. */
  private static final class BlockingBody extends ServletInputStream {
    private final ByteArrayInputStream bytes;

    BlockingBody(byte[] body) {
      bytes = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return bytes.read();
    }

    @Override
    public boolean isFinished() {
      return bytes.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new IllegalStateException("not in async mode");
    }
  }

  private static class Recorder implements ReadListener {
    private final List<String> calls;

    Recorder(List<String> calls) {
      this.calls = calls;
    }

    @Override
    public void onDataAvailable() throws IOException {
      calls.add("onDataAvailable");
    }

    @Override
    public void onAllDataRead() {
      calls.add("onAllDataRead");
    }

    @Override
    public void onError(Throwable failure) {
      calls.add("onError " + failure);
    }
  }
}
