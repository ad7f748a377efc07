package io.callflow.service.entity;

/** {@code match-interaction} found no instance for the call; the detail says what was asked. */
public final class NoMatch extends ServiceRefusal {

  public NoMatch(String detail) {
    super(detail);
  }
}
