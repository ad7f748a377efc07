package io.callflow.bench;

import io.callflow.testing.GmsClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Configures the product through its admin API only: pools of fresh numbers (each point gets its
 * own, so nothing a previous point left behind competes), and the built-in services pointed at
 * them.
 */
final class ProductSetup {

  /** NANP toll-free numbers, N = 2..9 after the area code; 833 and up, clear of the demo seed's. */
  private static final List<String> AREAS = List.of("833", "844", "855", "866", "877");

  private static final long PER_AREA = 8_000_000;
  private static final int PER_REQUEST = 1_000; // the admin API's limit per request

  private final GmsClient gms;
  private final AtomicLong nextNumber = new AtomicLong();
  private final AtomicInteger nextPool = new AtomicInteger();

  ProductSetup(GmsClient gms) {
    this.gms = gms;
  }

  /** Creates a pool of {@code size} fresh numbers; answers its name. */
  String pool(String allocation, int size, int bookingTimeoutSeconds) {
    String name = "bench-" + allocation.toLowerCase() + "-" + nextPool.incrementAndGet();
    require(
        gms.putJson(
            "/admin/pools/" + name,
            "{\"allocation\":\""
                + allocation
                + "\",\"choice\":\"RANDOM\",\"bookingTimeoutSeconds\":"
                + bookingTimeoutSeconds
                + "}"),
        "create pool " + name);
    for (int added = 0; added < size; added += PER_REQUEST) {
      int count = Math.min(PER_REQUEST, size - added);
      require(
          gms.postJson("/admin/pools/" + name + "/numbers", "{\"numbers\":" + numbers(count) + "}"),
          "add numbers to " + name);
    }
    return name;
  }

  /** Points a built-in (or any) service running {@code flow} at a pool, with extra options. */
  void service(String name, String flow, String pool, String extraOptions) {
    String options =
        (pool == null ? "" : "\"_resource_group\":\"" + pool + "\"")
            + (pool != null && !extraOptions.isEmpty() ? "," : "")
            + extraOptions;
    require(
        gms.putJson(
            "/admin/services/" + name, "{\"flow\":\"" + flow + "\",\"options\":{" + options + "}}"),
        "configure service " + name);
  }

  /** request-interaction, the hot path's first request, on {@code pool}, answering a code. */
  void interactionOn(String pool) {
    service("request-interaction", "request-interaction", pool, "\"_provide_code\":\"true\"");
  }

  void queue(String name) {
    require(
        gms.putJson("/admin/queues/" + name, "{\"options\":{\"_default_handle_time\":\"60\"}}"),
        "configure queue " + name);
  }

  /** A JSON array of fresh numbers. */
  private String numbers(int count) {
    long first = nextNumber.getAndAdd(count);
    return LongStream.range(first, first + count)
        .mapToObj(n -> "\"+1" + AREAS.get((int) (n / PER_AREA)) + (2_000_000 + n % PER_AREA) + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }

  static GmsClient.Reply require(GmsClient.Reply reply, String what) {
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException(what + ": " + reply);
    }
    return reply;
  }
}
