package io.callflow.routing.entity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The customers waiting in one queue, in line order ({@code queued_since}, then service id, as the
 * database sorts them), as read at one moment. A position is a binary search in it, not a count
 * over the queue.
 *
 * @param version the queue's change count on this server when the line was read
 * @param readAtNanos when it was read ({@link System#nanoTime()})
 */
public record WaitingLine(long version, long readAtNanos, long[] sinceMicros, String[] ids) {

  /** One waiting customer: when they joined the line and their service id. */
  public record Place(Instant since, String serviceId) {}

  public static WaitingLine of(long version, long readAtNanos, List<Place> inLineOrder) {
    long[] since = new long[inLineOrder.size()];
    String[] ids = new String[inLineOrder.size()];
    for (int i = 0; i < since.length; i++) {
      since[i] = micros(inLineOrder.get(i).since());
      ids[i] = inLineOrder.get(i).serviceId();
    }
    return new WaitingLine(version, readAtNanos, since, ids);
  }

  public int size() {
    return ids.length;
  }

  /**
   * Where {@code entry} stands in this line, counting it as waiting or not by its own state (which
   * may be newer than the line's).
   */
  public Standing standingOf(QueueEntry entry) {
    long since = micros(entry.queuedSince());
    int found = indexOf(since, entry.serviceId());
    int others = found >= 0 ? size() - 1 : size();
    if (!entry.isWaiting()) {
      return new Standing(0, others);
    }
    int ahead = found >= 0 ? found : before(since, entry.serviceId());
    return new Standing(ahead, others + 1);
  }

  /** {@code ahead} customers wait before this one, {@code waiting} in all. */
  public record Standing(int ahead, int waiting) {}

  private int indexOf(long since, String id) {
    for (int i = firstAt(since); i < size() && sinceMicros[i] == since; i++) {
      if (ids[i].equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Customers ahead of one not in the line. Among those who joined in the same microsecond the
   * order is Java's, not the database's collation: a tie of that kind is the only place it may
   * differ by one.
   */
  private int before(long since, String id) {
    int i = firstAt(since);
    while (i < size() && sinceMicros[i] == since && ids[i].compareTo(id) < 0) {
      i++;
    }
    return i;
  }

  /** The first index whose time is at or after {@code since}. */
  private int firstAt(long since) {
    int found = Arrays.binarySearch(sinceMicros, since);
    if (found < 0) {
      return -found - 1;
    }
    while (found > 0 && sinceMicros[found - 1] == since) {
      found--;
    }
    return found;
  }

  /** The database keeps microseconds: compare as it does. */
  private static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
  }
}
