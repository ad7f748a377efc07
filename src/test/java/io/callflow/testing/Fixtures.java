package io.callflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Pools and services of a test's own, created through the admin API, so tests sharing one server
 * never compete for the same numbers.
 */
public final class Fixtures {

  private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(5_550_000);

  private Fixtures() {}

  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Fresh E.164 numbers no other test uses. */
  public static List<String> freshNumbers(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "+1888" + NEXT_NUMBER.getAndIncrement())
        .toList();
  }

  /** Creates a pool with {@code numbers} and answers its name. */
  public static String pool(
      GmsClient gms, String allocation, int timeoutSeconds, List<String> numbers) {
    return pool(gms, allocation, timeoutSeconds, numbers, "\"choice\":\"RANDOM\"");
  }

  /**
   * Creates a pool with {@code numbers} and further settings ({@code choice}, {@code location}:
   * JSON members), and answers its name.
   */
  public static String pool(
      GmsClient gms,
      String allocation,
      int timeoutSeconds,
      List<String> numbers,
      String settingsJson) {
    String name = uniqueName(allocation.toLowerCase());
    String json =
        "{\"allocation\":\""
            + allocation
            + "\","
            + settingsJson
            + ",\"bookingTimeoutSeconds\":"
            + timeoutSeconds
            + ",\"numbers\":["
            + numbers.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","))
            + "]}";
    GmsClient.Reply created = gms.putJson("/admin/pools/" + name, json);
    assertEquals(200, created.status(), created::toString);
    return name;
  }

  /**
   * Configures a service running {@code flow}, named after {@code prefix}, with {@code optionsJson}
   * (the members of its options object, or empty); answers its name.
   */
  public static String service(GmsClient gms, String prefix, String flow, String optionsJson) {
    String name = uniqueName(prefix);
    GmsClient.Reply created =
        gms.putJson(
            "/admin/services/" + name,
            "{\"flow\":\"" + flow + "\",\"options\":{" + optionsJson + "}}");
    assertEquals(200, created.status(), created::toString);
    return name;
  }

  /**
   * Creates a request-interaction service on {@code pool} with extra options, and answers its name.
   */
  public static String interactionService(GmsClient gms, String pool, String extraOptionsJson) {
    return service(
        gms,
        "ri",
        "request-interaction",
        "\"_resource_group\":\""
            + pool
            + "\""
            + (extraOptionsJson.isEmpty() ? "" : "," + extraOptionsJson));
  }
}
