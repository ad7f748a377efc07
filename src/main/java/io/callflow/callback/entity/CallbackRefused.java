package io.callflow.callback.entity;

import io.callflow.platform.domain.Refusal;
import java.util.List;
import java.util.OptionalLong;

/**
 * A Callback API request refused, of one of the kinds GMS's mobile libraries tell apart: no room at
 * the time asked (with other slots proposed), an unusable or premium-rate number, a number with
 * callbacks enough, a service or requester over its throttle, no such callback, no such callback
 * service, or a callback no longer waiting that cannot be moved.
 */
public final class CallbackRefused extends Refusal {

  /** What was refused. */
  public enum Kind {
    AVAILABILITY,
    NUMBER,
    DUPLICATE,
    THROTTLE,
    NOT_FOUND,
    RESOURCE,
    NOT_MOVABLE
  }

  private final Kind kind;
  private final String field;
  private final String reason;
  private final OptionalLong retryAfterSeconds;
  private final List<CallbackSlot> proposals;

  private CallbackRefused(
      Kind kind,
      String field,
      String reason,
      OptionalLong retryAfterSeconds,
      List<CallbackSlot> proposals) {
    super(field == null ? reason : field + ": " + reason);
    this.kind = kind;
    this.field = field;
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
    this.proposals = List.copyOf(proposals);
  }

  /** No room at the time asked for in {@code field}; {@code proposals} have room. */
  public static CallbackRefused availability(
      String field, String reason, List<CallbackSlot> proposals) {
    return new CallbackRefused(Kind.AVAILABILITY, field, reason, OptionalLong.empty(), proposals);
  }

  /** The customer number in {@code field} is missing, impossible or not allowed. */
  public static CallbackRefused number(String field, String reason) {
    return new CallbackRefused(Kind.NUMBER, field, reason, OptionalLong.empty(), List.of());
  }

  /** The number already holds {@code limit} live callbacks. */
  public static CallbackRefused duplicate(String number, int limit) {
    return new CallbackRefused(
        Kind.DUPLICATE,
        "_customer_number",
        "customer number " + number + " already has " + limit + " live callback(s)",
        OptionalLong.empty(),
        List.of());
  }

  /** Too many callbacks too fast; the client may ask again after {@code retryAfterSeconds}. */
  public static CallbackRefused throttled(String detail, long retryAfterSeconds) {
    return new CallbackRefused(
        Kind.THROTTLE, null, detail, OptionalLong.of(retryAfterSeconds), List.of());
  }

  /** No such callback (or not the asker's, or not of that service). */
  public static CallbackRefused notFound(String detail) {
    return new CallbackRefused(Kind.NOT_FOUND, null, detail, OptionalLong.empty(), List.of());
  }

  /** No callback service of this name. */
  public static CallbackRefused resource(String name) {
    return new CallbackRefused(
        Kind.RESOURCE,
        "service-name",
        "no callback service named " + name,
        OptionalLong.empty(),
        List.of());
  }

  /** The callback is no longer waiting: it cannot be moved. */
  public static CallbackRefused notMovable(String id, CallbackState state) {
    return new CallbackRefused(
        Kind.NOT_MOVABLE,
        "_id",
        "callback " + id + " is " + state + " and can no longer be moved",
        OptionalLong.empty(),
        List.of());
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, or null when the refusal names none. */
  public String field() {
    return field;
  }

  /** Why, without the field's name. */
  public String reason() {
    return reason;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Slots with room, for an availability refusal; empty otherwise. */
  public List<CallbackSlot> proposals() {
    return proposals;
  }
}
