package io.callflow.access.boundary;

import io.callflow.access.entity.Allocation;
import io.callflow.access.entity.Choice;
import io.callflow.access.entity.Location;
import io.callflow.access.entity.Pool;
import io.callflow.access.entity.PoolSpecification;
import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.platform.rest.JsonRequest;
import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

/**
 * Reads a pool's JSON ({@code name}, {@code allocation}, {@code choice}, {@code
 * bookingTimeoutSeconds}, {@code location}, {@code numbers}) into a {@link PoolSpecification}, or
 * answers 400 naming every bad field. Members it does not know, such as a previous answer's {@code
 * utilisation}, are ignored, so an operator may edit what GET answered and PUT it back.
 */
public final class PoolSpecificationJson {

  private PoolSpecificationJson() {}

  /**
   * @param pathName the name in {@code PUT /admin/pools/{name}}, which a body {@code name} must
   *     repeat; null for {@code POST /admin/pools}, where the body must carry it
   */
  public static PoolSpecification read(
      String pathName, JsonRequest request, PhoneNumbers phoneNumbers) {
    String name = name(pathName, request);
    Allocation allocation = allocation(request);
    Choice choice = choice(request);
    Duration timeout = bookingTimeout(request);
    Location location = location(request);
    List<String> numbers = AccessNumberList.read(request, phoneNumbers).orElse(List.of());
    request.requireValid();
    return new PoolSpecification(name, allocation, choice, timeout, location, numbers);
  }

  private static String name(String pathName, JsonRequest request) {
    Optional<String> inBody = request.string("name");
    if (pathName == null) {
      request.require("name");
      inBody.ifPresent(name -> checkName(request, name));
      return inBody.orElse(null);
    }
    checkName(request, pathName);
    inBody
        .filter(name -> !name.equals(pathName))
        .ifPresent(
            name ->
                request.invalid(
                    "name", "'" + name + "' differs from the path's '" + pathName + "'"));
    return pathName;
  }

  private static void checkName(JsonRequest request, String name) {
    if (!Pool.NAME.matcher(name).matches()) {
      request.invalid("name", "'" + name + "' must be 1 to 64 of A-Z a-z 0-9 _ . -");
    }
  }

  private static Allocation allocation(JsonRequest request) {
    request.require("allocation");
    return request
        .string("allocation")
        .map(value -> constant(request, "allocation", Allocation.class, value))
        .orElse(null);
  }

  private static Choice choice(JsonRequest request) {
    return request
        .string("choice")
        .map(value -> constant(request, "choice", Choice.class, value))
        .orElse(Choice.RANDOM);
  }

  private static <E extends Enum<E>> E constant(
      JsonRequest request, String member, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      request.invalid(request.field(member), "'" + value + "' must be one of " + allowed);
      return null;
    }
  }

  private static Duration bookingTimeout(JsonRequest request) {
    Optional<JsonNumber> seconds = request.number("bookingTimeoutSeconds");
    if (seconds.isEmpty()) {
      return Pool.DEFAULT_BOOKING_TIMEOUT;
    }
    BigDecimal value = seconds.get().bigDecimalValue();
    long shortest = Pool.SHORTEST_BOOKING_TIMEOUT.toSeconds();
    long longest = Pool.LONGEST_BOOKING_TIMEOUT.toSeconds();
    if (!seconds.get().isIntegral()
        || value.compareTo(BigDecimal.valueOf(shortest)) < 0
        || value.compareTo(BigDecimal.valueOf(longest)) > 0) {
      request.invalid(
          request.field("bookingTimeoutSeconds"),
          value + " must be a whole number of seconds from " + shortest + " to " + longest);
      return null;
    }
    return Duration.ofSeconds(value.longValueExact());
  }

  private static Location location(JsonRequest request) {
    return request
        .nested("location")
        .map(
            location -> {
              Double latitude =
                  coordinate(location, "latitude", v -> v >= -90 && v <= 90, "from -90 to 90");
              Double longitude =
                  coordinate(location, "longitude", v -> v >= -180 && v <= 180, "from -180 to 180");
              Double radius = coordinate(location, "radiusKm", v -> v > 0, "greater than 0");
              return latitude == null || longitude == null || radius == null
                  ? null
                  : new Location(latitude, longitude, radius);
            })
        .orElse(null);
  }

  private static Double coordinate(
      JsonRequest location, String member, DoublePredicate valid, String range) {
    if (!location.require(member)) {
      return null;
    }
    Optional<Double> value = location.number(member).map(JsonNumber::doubleValue);
    if (value.isPresent() && !valid.test(value.get())) {
      location.invalid(location.field(member), value.get() + " must be " + range);
      return null;
    }
    return value.orElse(null);
  }
}
