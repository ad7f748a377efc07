package io.callflow.callback.boundary;

import io.callflow.callback.entity.CallbackRecord;
import io.callflow.callback.entity.CallbackSlot;
import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The Callback API's bodies: records with every property a string, and slots as {@code
 * {"2026-03-09T14:30:00.000Z": 3, …}}, each time with its free places.
 */
final class CallbackJson {

  private CallbackJson() {}

  static JsonObject record(CallbackRecord record) {
    return StringObjects.toJson(record.properties());
  }

  static JsonArray records(List<CallbackRecord> records) {
    return Jsonp.createArrayBuilder(records.stream().map(CallbackJson::record).toList()).build();
  }

  static JsonObject slots(List<CallbackSlot> slots) {
    JsonObjectBuilder json = Jsonp.createObjectBuilder();
    slots.forEach(slot -> json.add(CallbackSlot.FORMAT.format(slot.at()), slot.free()));
    return json.build();
  }
}
