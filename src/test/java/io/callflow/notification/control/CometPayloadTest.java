package io.callflow.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callflow.notification.entity.Push;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CometPayloadTest {

  @Test
  void dataCarriesTheMessageAsAnObjectWithEventIdAndServiceTag() throws DeliveryFailure {
    Map<String, Object> data =
        CometPayload.of(push("{\"_id\":\"42-abc\",\"_action\":\"DialNumber\"}"));

    assertEquals(
        Map.of(
            "message", Map.of("_id", "42-abc", "_action", "DialNumber"),
            "id", "event-1",
            "tag", "service.42-abc"),
        data);
    assertEquals(
        List.of("message", "id", "tag"), new ArrayList<>(data.keySet()), "GMS's member order");
  }

  @Test
  void extraMembersKeepTheirJsonTypes() throws DeliveryFailure {
    Map<String, Object> data =
        CometPayload.of(
            push(
                "{\"_id\":\"42-abc\",\"_action\":\"ConfirmAccess\",\"_access_number\":\"+18885550100\","
                    + "\"_ewt\":120,\"_ratio\":0.5,\"_big\":123456789012345678901234567890,\"_ok\":true,"
                    + "\"_none\":null,\"_list\":[1,\"two\",{\"three\":false}]}"));

    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) data.get("message");
    assertEquals("+18885550100", message.get("_access_number"));
    assertEquals(120L, message.get("_ewt"));
    assertEquals(new BigDecimal("0.5"), message.get("_ratio"));
    assertEquals(new BigDecimal("123456789012345678901234567890"), message.get("_big"));
    assertEquals(Boolean.TRUE, message.get("_ok"));
    assertTrue(message.containsKey("_none"));
    assertEquals(null, message.get("_none"));
    Map<String, Object> three = new HashMap<>();
    three.put("three", false);
    assertEquals(Arrays.asList(1L, "two", three), message.get("_list"));
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"[1,2]", "\"DialNumber\"", "not json", "{\"_id\":"})
  void messageThatIsNotAJsonObjectFailsForGood(String message) {
    DeliveryFailure failure =
        assertThrows(DeliveryFailure.class, () -> CometPayload.of(push(message)));
    assertTrue(failure.isPermanent());
  }

  private static Push push(String message) {
    return new Push("event-1", "42-abc", "comet", "alice", message, Map.of(), null);
  }
}
