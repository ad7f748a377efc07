package io.callflow.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The apps' side of the books: every instance they were answered a 200 for, the state their journey
 * should leave it in (null when the journey cannot know, e.g. a cancel racing an agent), and how
 * many journeys ended which way. The reconciliation holds the database to it.
 */
final class Ledger {

  /** One instance as its app saw it. */
  record Entry(String service, String expectedEnd) {}

  private final Map<String, Entry> instances = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> journeys = new ConcurrentHashMap<>();

  void created(String id, String service) {
    instances.put(id, new Entry(service, null));
  }

  /** The journey is over for {@code id}; the server should settle it in {@code state}. */
  void expect(String id, String state) {
    instances.computeIfPresent(id, (key, entry) -> new Entry(entry.service(), state));
  }

  /** Counts one journey ending as {@code outcome}, e.g. "request-interaction: matched". */
  void journey(String outcome) {
    journeys.computeIfAbsent(outcome, name -> new LongAdder()).increment();
  }

  Map<String, Entry> instances() {
    return Map.copyOf(instances);
  }

  Map<String, Long> journeys() {
    Map<String, Long> counted = new TreeMap<>();
    journeys.forEach((outcome, adder) -> counted.put(outcome, adder.sum()));
    return counted;
  }
}
