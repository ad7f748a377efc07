package io.callflow.service.boundary;

import io.callflow.platform.json.StringObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server-sent event streams open on this server, by instance. Fed from {@code callflow.events}
 * ({@link InstanceEventFeed}, subscribed while a stream is open), so a stream sees changes made on
 * any node.
 */
@ApplicationScoped
public class InstanceStreams {

  public static final String STATE = "state";
  public static final String PUSH = "push";
  private static final String KEEP_ALIVE = "keep-alive";

  private record Stream(SseEventSink sink, Sse sse) {}

  private final Map<String, List<Stream>> streams = new ConcurrentHashMap<>();

  /** Registers the stream, then sends the instance's current state as its first event. */
  public void open(String serviceId, SseEventSink sink, Sse sse, Map<String, String> currentState) {
    Stream stream = new Stream(sink, sse);
    streams.computeIfAbsent(serviceId, id -> new CopyOnWriteArrayList<>()).add(stream);
    send(serviceId, stream, STATE, null, json(currentState));
  }

  /** False when no stream is open; true may still mean none (a closed stream's entry stays). */
  public boolean watchesAny() {
    return !streams.isEmpty();
  }

  public boolean isWatched(String serviceId) {
    List<Stream> open = streams.get(serviceId);
    return open != null && !open.isEmpty();
  }

  /**
   * Sends a comment on every open stream: a proxy keeps a quiet stream open, and a stream whose
   * client left fails to take it (at once or on the next) and is forgotten.
   */
  public void keepAlive() {
    streams.forEach(
        (serviceId, open) ->
            open.forEach(
                stream ->
                    deliver(
                        serviceId, stream, stream.sse().newEventBuilder().comment(KEEP_ALIVE))));
  }

  public void publish(String serviceId, String eventName, String eventId, String data) {
    List<Stream> open = streams.get(serviceId);
    if (open != null) {
      open.forEach(stream -> send(serviceId, stream, eventName, eventId, data));
    }
  }

  private void send(String serviceId, Stream stream, String name, String eventId, String data) {
    OutboundSseEvent.Builder event =
        stream
            .sse()
            .newEventBuilder()
            .name(name)
            .mediaType(MediaType.APPLICATION_JSON_TYPE)
            .data(String.class, data);
    if (eventId != null) {
      event.id(eventId);
    }
    deliver(serviceId, stream, event);
  }

  private void deliver(String serviceId, Stream stream, OutboundSseEvent.Builder event) {
    if (stream.sink().isClosed()) {
      forget(serviceId, stream);
      return;
    }
    stream
        .sink()
        .send(event.build())
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                forget(serviceId, stream);
              }
            });
  }

  private void forget(String serviceId, Stream stream) {
    streams.computeIfPresent(
        serviceId,
        (id, list) -> {
          list.remove(stream);
          return list.isEmpty() ? null : list;
        });
  }

  public static String json(Map<String, String> values) {
    return StringObjects.toText(values);
  }
}
