package io.callflow.platform.rest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A failure's chain of causes, for the mappers that look for one kind of cause in it. */
final class Causes {

  private Causes() {}

  /** {@code thrown}, then its cause, and so on, each once (a chain may loop back on itself). */
  static List<Throwable> of(Throwable thrown) {
    List<Throwable> chain = new ArrayList<>(4);
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable current = thrown;
        current != null && seen.put(current, true) == null;
        current = current.getCause()) {
      chain.add(current);
    }
    return chain;
  }
}
