package io.callflow.access.control;

import io.callflow.platform.config.ConfigKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many access numbers one client (its {@code gms_user}, else its address) may ask a service for
 * per minute: a token bucket per client and service, so a burst up to the limit passes and a client
 * that keeps asking gets 429 with Retry-After instead of draining the pool for everyone. Counted
 * per server instance.
 */
@ApplicationScoped
public class AllocationLimits {

  /** A client unseen this long is forgotten. */
  static final Duration IDLE = Duration.ofMinutes(10);

  @Inject Clock clock;

  private int defaultPerMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile Instant lastCleanup = Instant.EPOCH;

  @PostConstruct
  void configure() {
    defaultPerMinute =
        ConfigProvider.getConfig()
            .getOptionalValue(ConfigKeys.ALLOCATIONS_PER_CLIENT_PER_MINUTE, Integer.class)
            .orElse(120);
  }

  /**
   * Takes one allocation for {@code client} on {@code service}, whose limit is {@code perMinute}
   * (empty: the server's default; 0: none), or refuses with {@link AllocationLimited}.
   */
  public void take(String service, String client, java.util.Optional<Integer> perMinute) {
    int limit = perMinute.orElse(defaultPerMinute);
    if (limit <= 0) {
      return;
    }
    Instant now = clock.instant();
    cleanUp(now);
    Bucket bucket = buckets.computeIfAbsent(service + "|" + client, key -> new Bucket(limit, now));
    long waitMillis = bucket.take(limit, now);
    if (waitMillis > 0) {
      throw new AllocationLimited(service, client, limit, waitMillis);
    }
  }

  private void cleanUp(Instant now) {
    if (Duration.between(lastCleanup, now).compareTo(IDLE) > 0) {
      lastCleanup = now;
      buckets.values().removeIf(bucket -> bucket.idleSince(now).compareTo(IDLE) > 0);
    }
  }

  /** Tokens refill continuously at {@code limit} a minute, up to {@code limit}. */
  static final class Bucket {
    private double tokens;
    private Instant refilled;

    Bucket(int limit, Instant now) {
      this.tokens = limit;
      this.refilled = now;
    }

    /** Takes a token: 0 if there was one, else the milliseconds until there is. */
    synchronized long take(int limit, Instant now) {
      double perMilli = limit / 60_000.0;
      tokens = Math.min(limit, tokens + Duration.between(refilled, now).toMillis() * perMilli);
      refilled = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perMilli);
    }

    synchronized Duration idleSince(Instant now) {
      return Duration.between(refilled, now);
    }
  }
}
