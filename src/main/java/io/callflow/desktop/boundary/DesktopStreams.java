package io.callflow.desktop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The desktop page's server-sent event streams open on this server, by agent. Fed from {@code
 * callflow.desktop.out} and {@code callflow.events}, which every server instance hears, so a page
 * sees what any node sends its agent.
 */
@ApplicationScoped
public class DesktopStreams {

  private record Stream(SseEventSink sink, Sse sse) {}

  private final Map<String, List<Stream>> streams = new ConcurrentHashMap<>();

  /**
   * Registers the stream, then sends {@code first} (the agent as it is now) on it: read after the
   * registration, so no change falls between what it says and the events that follow.
   */
  public void open(
      String agentId, SseEventSink sink, Sse sse, String firstName, Supplier<String> first) {
    Stream stream = new Stream(sink, sse);
    streams.computeIfAbsent(agentId, id -> new CopyOnWriteArrayList<>()).add(stream);
    send(agentId, stream, firstName, first.get());
  }

  public boolean isWatched(String agentId) {
    List<Stream> open = streams.get(agentId);
    return open != null && !open.isEmpty();
  }

  /** Sends a named event (a desktop message's type) to every stream of the agent. */
  public void publish(String agentId, String eventName, String json) {
    List<Stream> open = streams.get(agentId);
    if (open != null) {
      open.forEach(stream -> send(agentId, stream, eventName, json));
    }
  }

  private void send(String agentId, Stream stream, String name, String json) {
    if (stream.sink().isClosed()) {
      forget(agentId, stream);
      return;
    }
    OutboundSseEvent event =
        stream
            .sse()
            .newEventBuilder()
            .name(name)
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, json)
            .build();
    stream
        .sink()
        .send(event)
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                forget(agentId, stream);
              }
            });
  }

  private void forget(String agentId, Stream stream) {
    streams.computeIfPresent(
        agentId,
        (id, list) -> {
          list.remove(stream);
          return list.isEmpty() ? null : list;
        });
  }
}
