package io.callflow.platform.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of things no client holds as a key: event ids, outbox message ids, booking ids. They only
 * need to be unique, not unguessable, so they come from the thread's own generator instead of
 * {@link UUID#randomUUID()}'s shared secure one (a hot-path request made about eight ids, each a
 * locked SHA-1 round). Ids a client presents to reach something (an instance, its app data, a
 * subscription) stay {@link UUID#randomUUID()}.
 */
public final class Ids {

  private Ids() {}

  /** A random (version 4) UUID in its usual text form. */
  public static String internal() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }
}
