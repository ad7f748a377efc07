package io.callflow.callback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.callback.entity.CallbackState;
import io.callflow.service.entity.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record queries and the Callback API's view of instance states. */
class CallbackRecordsTest {

  private final Map<String, String> record =
      Map.of(
          "_id",
          "c1",
          "_callback_state",
          "QUEUED",
          "_customer_number",
          "+14155550123",
          "topic",
          "billing");

  @Test
  void propertiesMatchAllOrAnyAndBangNegates() {
    assertTrue(
        CallbackRecords.matches(
            record, Map.of("_callback_state", "!COMPLETED", "topic", "billing"), false));
    assertFalse(
        CallbackRecords.matches(
            record, Map.of("_callback_state", "!QUEUED", "topic", "billing"), false));
    assertTrue(
        CallbackRecords.matches(
            record, Map.of("_callback_state", "!QUEUED", "topic", "billing"), true));
    assertFalse(CallbackRecords.matches(record, Map.of("missing", "x"), false));
    assertTrue(
        CallbackRecords.matches(record, Map.of("missing", "!x"), false),
        "an absent property differs from x");
    assertTrue(CallbackRecords.matches(record, Map.of(), false));
  }

  @Test
  void statesAreTheCallbackApis() {
    assertEquals(CallbackState.SCHEDULED, CallbackState.of(InstanceState.SCHEDULED));
    assertEquals(CallbackState.QUEUED, CallbackState.of(InstanceState.QUEUED));
    assertEquals(CallbackState.ROUTING, CallbackState.of(InstanceState.DIALING));
    assertEquals(CallbackState.ROUTING, CallbackState.of(InstanceState.ACCESS_ISSUED));
    assertEquals(CallbackState.PROCESSING, CallbackState.of(InstanceState.CONNECTED));
    assertEquals(CallbackState.COMPLETED, CallbackState.of(InstanceState.CANCELLED));
    assertEquals("CANCELLED", CallbackState.reason(InstanceState.CANCELLED));
    assertEquals("", CallbackState.reason(InstanceState.QUEUED));
  }

  @Test
  void bucketsStartOnTheirBoundary() {
    Duration five = Duration.ofMinutes(5);
    assertEquals(
        Instant.parse("2026-03-09T14:30:00Z"),
        CallbackCapacity.bucketOf(Instant.parse("2026-03-09T14:34:59Z"), five));
    assertEquals(
        Instant.parse("2026-03-09T14:35:00Z"),
        CallbackCapacity.bucketOf(Instant.parse("2026-03-09T14:35:00Z"), five));
    assertEquals(
        "2026-03-09T14:35:00.000Z",
        CallbackCapacity.SLOT.format(Instant.parse("2026-03-09T14:35:00Z")));
  }
}
