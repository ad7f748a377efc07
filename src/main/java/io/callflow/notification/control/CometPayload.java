package io.callflow.notification.control;

import io.callflow.notification.entity.Push;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of the Bayeux message a GMS CometD client receives on {@code /_genesys} for one
 * push: {@code {"message":{…},"id":"<event id>","tag":"service.<service id>"}}. GMS clients read
 * {@code data.message._id} and {@code data.message._action} as members of an object, so the message
 * travels as an object, not as the JSON string the other channels send.
 */
final class CometPayload {

  private CometPayload() {}

  /**
   * Plain maps, lists, strings, numbers and booleans, which CometD's JSON codec writes as they are.
   *
   * @throws DeliveryFailure permanent, when the push's message is not a JSON object: retrying would
   *     not change it
   */
  static Map<String, Object> of(Push push) throws DeliveryFailure {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("message", plain(parseObject(push)));
    data.put("id", push.eventId());
    data.put("tag", "service." + push.serviceId());
    return data;
  }

  private static JsonObject parseObject(Push push) throws DeliveryFailure {
    if (push.message() == null) {
      throw new DeliveryFailure("event " + push.eventId() + " has no message", true);
    }
    try (JsonReader reader = Jsonp.createReader(new StringReader(push.message()))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new DeliveryFailure(
          "message of event " + push.eventId() + " is not a JSON object: " + e.getMessage(),
          true,
          e);
    }
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> members = new LinkedHashMap<>();
        ((JsonObject) value).forEach((name, member) -> members.put(name, plain(member)));
        yield members;
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        ((JsonArray) value).forEach(item -> items.add(plain(item)));
        yield items;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> number((JsonNumber) value);
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private static Number number(JsonNumber number) {
    BigDecimal exact = number.bigDecimalValue();
    try {
      return exact.longValueExact();
    } catch (ArithmeticException notALong) {
      return exact; // a fraction, or too large for a long: written back digit for digit
    }
  }
}
