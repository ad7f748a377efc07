package io.callflow.storage.entity;

import java.time.Duration;
import java.util.regex.Pattern;

/** How long app data is kept: whole seconds, from one second to thirty days as GMS allows. */
public record StorageTtl(Duration duration) {

  public static final long MIN_SECONDS = 1;
  public static final long MAX_SECONDS = 2_592_000;

  /** Why a TTL is refused, in the words a client reads in the 400 answer. */
  public static final String RULE =
      "must be a whole number of seconds from " + MIN_SECONDS + " to " + MAX_SECONDS;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

  public StorageTtl {
    long seconds = duration.getSeconds();
    if (duration.getNano() != 0 || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(RULE);
    }
  }

  public static StorageTtl ofSeconds(long seconds) {
    return new StorageTtl(Duration.ofSeconds(seconds));
  }

  /**
   * A TTL as a client writes it, e.g. the {@code {ttl}} of {@code POST /genesys/1/storage/{ttl}}.
   */
  public static StorageTtl parse(String seconds) {
    // digits only: "+5", " 5" and "5.0" are not what GMS clients send, so they are refused
    if (seconds == null || !DIGITS.matcher(seconds).matches()) {
      throw new IllegalArgumentException(RULE);
    }
    return ofSeconds(Long.parseLong(seconds));
  }
}
