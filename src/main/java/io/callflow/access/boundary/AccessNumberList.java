package io.callflow.access.boundary;

import io.callflow.platform.phone.PhoneNumbers;
import io.callflow.platform.rest.JsonRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code numbers} member of an admin request: an array of phone numbers, each normalised
 * to E.164. The answer keeps the request's order and length, so a conflict found later can still
 * name {@code numbers[i]} as the client wrote it.
 */
public final class AccessNumberList {

  /** More numbers than this in one request are refused: split the bulk into several requests. */
  public static final int MAX_PER_REQUEST = 1000;

  private static final String MEMBER = "numbers";

  private AccessNumberList() {}

  /**
   * The normalised numbers, or empty when the member is absent; bad entries are recorded on the
   * request.
   */
  public static Optional<List<String>> read(JsonRequest request, PhoneNumbers phoneNumbers) {
    Optional<JsonArray> array = request.array(MEMBER);
    if (array.isEmpty()) {
      return Optional.empty();
    }
    if (array.get().size() > MAX_PER_REQUEST) {
      request.invalid(
          request.field(MEMBER),
          array.get().size() + " numbers; at most " + MAX_PER_REQUEST + " per request");
      return Optional.of(List.of());
    }
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < array.get().size(); i++) {
      JsonValue entry = array.get().get(i);
      String field = request.field(MEMBER) + "[" + i + "]";
      if (entry.getValueType() != JsonValue.ValueType.STRING) {
        request.invalid(field, "must be a string, such as \"+18005550100\"");
        continue;
      }
      String raw = ((JsonString) entry).getString();
      phoneNumbers
          .toE164(raw)
          .ifPresentOrElse(
              numbers::add,
              () ->
                  request.invalid(
                      field,
                      "'"
                          + raw
                          + "' is not a phone number (E.164, or national in region "
                          + phoneNumbers.defaultRegion()
                          + ")"));
    }
    return Optional.of(numbers);
  }

  /** As {@link #read}, for a request whose whole point is the numbers. */
  public static List<String> require(JsonRequest request, PhoneNumbers phoneNumbers) {
    request.require(MEMBER);
    List<String> numbers = read(request, phoneNumbers).orElse(List.of());
    request.requireValid();
    return numbers;
  }
}
