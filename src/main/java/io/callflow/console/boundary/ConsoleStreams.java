package io.callflow.console.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The consoles' server-sent event streams: every two seconds, while any console is open, one
 * snapshot of the pools' last hour, the broker and the outbox backlog goes to all of them (read
 * once, whatever the number of consoles), and the page refreshes its other panels from the admin
 * API on the same beat.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ConsoleStreams {

  public static final String SNAPSHOT = "snapshot";

  private static final Logger LOG = Logger.getLogger(ConsoleStreams.class.getName());

  private record Stream(SseEventSink sink, Sse sse) {}

  private final List<Stream> streams = new CopyOnWriteArrayList<>();
  private volatile Supplier<String> snapshot = () -> "{}";

  /**
   * Registers the stream and sends it the current snapshot at once; {@code currentSnapshot} is how
   * every beat reads it.
   */
  public void open(SseEventSink sink, Sse sse, Supplier<String> currentSnapshot) {
    snapshot = currentSnapshot;
    Stream stream = new Stream(sink, sse);
    streams.add(stream);
    send(stream, currentSnapshot.get());
  }

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  void beat() {
    streams.removeIf(stream -> stream.sink().isClosed());
    if (streams.isEmpty()) {
      return;
    }
    try {
      String current = snapshot.get();
      streams.forEach(stream -> send(stream, current));
    } catch (RuntimeException e) {
      // a console misses a beat; the next one tries again
      LOG.log(Level.WARNING, "Console snapshot failed", e);
    }
  }

  private void send(Stream stream, String json) {
    stream
        .sink()
        .send(
            stream
                .sse()
                .newEventBuilder()
                .name(SNAPSHOT)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, json)
                .build())
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                streams.remove(stream);
              }
            });
  }
}
