package io.callflow.callback.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackRecordTest {

  @Test
  void theRecordsPropertiesFollowItsAppDataAndWinOverIt() {
    CallbackRecord record =
        new CallbackRecord(
            Map.of("_id", "forged"),
            "c-1",
            "callback-later",
            CallbackState.SCHEDULED,
            "",
            Instant.parse("2026-03-09T14:30:00Z"),
            Instant.parse("2026-03-10T14:30:00Z"),
            "+15550001111");

    Map<String, String> properties = record.properties();

    assertEquals(
        List.of(
            "_id",
            "_service_name",
            "_callback_state",
            "_callback_reason",
            "_desired_time",
            "_expiration_time",
            "_customer_number"),
        List.copyOf(properties.keySet()));
    assertEquals("c-1", properties.get("_id"));
    assertEquals("SCHEDULED", properties.get("_callback_state"));
    assertEquals("2026-03-09T14:30:00.000Z", properties.get("_desired_time"));
    assertEquals("2026-03-10T14:30:00.000Z", properties.get("_expiration_time"));
  }
}
