package io.callflow.desktop.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages from desktops are read strictly, and every rejection names what is wrong. */
class DesktopMessageTest {

  @Test
  void agentLoginIsRead() {
    DesktopMessage message =
        DesktopMessage.parse(
            "AgentLogin",
            "{\"agentId\":\"a1\",\"queues\":[\"default\",\"vip\"],\"extension\":\"5001\"}");
    assertEquals(new AgentLogin("a1", List.of("default", "vip"), "5001"), message);
  }

  @Test
  void agentStateIsRead() {
    assertEquals(
        new AgentState("a1", AgentStatus.WRAP_UP),
        DesktopMessage.parse("AgentState", "{\"agentId\":\"a1\",\"state\":\"WRAP_UP\"}"));
  }

  @Test
  void callResultIsRead() {
    assertEquals(
        new CallResult("s1", "a1", CallOutcome.NO_ANSWER),
        DesktopMessage.parse(
            "CallResult", "{\"serviceId\":\"s1\",\"agentId\":\"a1\",\"result\":\"NO_ANSWER\"}"));
  }

  @Test
  void callResultsOfOutboundAttemptsNameTheAttempt() {
    assertEquals(
        new CallResult("s1", "dialer", CallOutcome.BUSY, 2),
        DesktopMessage.parse(
            "CallResult",
            "{\"serviceId\":\"s1\",\"agentId\":\"dialer\",\"result\":\"BUSY\",\"attempt\":2}"));
    assertEquals(
        new CallResult("s1", "a1", CallOutcome.BUSY, 3),
        DesktopMessage.parse(
            "CallResult",
            "{\"serviceId\":\"s1\",\"agentId\":\"a1\",\"result\":\"BUSY\",\"attempt\":\"3\"}"));
    CallResult withAttempt = new CallResult("s1", "a1", CallOutcome.NO_ANSWER, 4);
    assertEquals(
        withAttempt, DesktopMessage.parse(CallResult.TYPE, withAttempt.toJson().toString()));
  }

  @Test
  void writtenMessagesReadBackAsThemselves() {
    AgentLogin login = new AgentLogin("a1", List.of("default"), "5001");
    assertEquals(login, DesktopMessage.parse(AgentLogin.TYPE, login.toJson().toString()));
    AgentState state = new AgentState("a1", AgentStatus.READY);
    assertEquals(state, DesktopMessage.parse(AgentState.TYPE, state.toJson().toString()));
    CallResult result = new CallResult("s1", "a1", CallOutcome.COMPLETED);
    assertEquals(result, DesktopMessage.parse(CallResult.TYPE, result.toJson().toString()));
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "AgentLogin | {\"queues\":[\"q\"],\"extension\":\"5001\"}                 | missing field 'agentId'",
        "AgentLogin | {\"agentId\":\"a1\",\"extension\":\"5001\"}                 | missing field 'queues'",
        "AgentLogin | {\"agentId\":\"a1\",\"queues\":[\"q\"]}                     | missing field 'extension'",
        "AgentLogin | {\"agentId\":\"\",\"queues\":[\"q\"],\"extension\":\"5\"}    | invalid field 'agentId': blank",
        "AgentLogin | {\"agentId\":7,\"queues\":[\"q\"],\"extension\":\"5\"}       | invalid field 'agentId': not a string",
        "AgentLogin | {\"agentId\":\"a1\",\"queues\":\"q\",\"extension\":\"5\"}    | invalid field 'queues': not an array",
        "AgentLogin | {\"agentId\":\"a1\",\"queues\":[],\"extension\":\"5\"}       | invalid field 'queues': empty",
        "AgentLogin | {\"agentId\":\"a1\",\"queues\":[\"q\",3],\"extension\":\"5\"} | invalid field 'queues[1]'",
        "AgentLogin | {\"agentId\":\"a1\",\"queues\":[\"q\"],\"extension\":null}   | missing field 'extension'",
        "CallResult | {\"serviceId\":\"s\",\"agentId\":\"a\",\"result\":\"BUSY\",\"attempt\":0}    | invalid field 'attempt': must be 1 or more",
        "CallResult | {\"serviceId\":\"s\",\"agentId\":\"a\",\"result\":\"BUSY\",\"attempt\":1.5}  | invalid field 'attempt': not a whole number",
        "AgentState | {\"state\":\"READY\"}                                        | missing field 'agentId'",
        "AgentState | {\"agentId\":\"a1\"}                                         | missing field 'state'",
        "AgentState | {\"agentId\":\"a1\",\"state\":\"SLEEPING\"}                  | invalid field 'state': unknown value 'SLEEPING'",
        "CallResult | {\"agentId\":\"a1\",\"result\":\"BUSY\"}                    | missing field 'serviceId'",
        "CallResult | {\"serviceId\":\"s1\",\"result\":\"BUSY\"}                  | missing field 'agentId'",
        "CallResult | {\"serviceId\":\"s1\",\"agentId\":\"a1\"}                   | missing field 'result'",
        "CallResult | {\"serviceId\":\"s1\",\"agentId\":\"a1\",\"result\":\"OK\"}  | invalid field 'result': unknown value 'OK'",
        "AgentState | {\"agentId\":\"a1\",                                         | malformed JSON",
        "AgentState | [\"a1\"]                                                    | body is not a JSON object",
      })
  void everyProblemIsNamed(String type, String body, String reason) {
    RejectedMessage rejected =
        assertThrows(RejectedMessage.class, () -> DesktopMessage.parse(type, body));
    assertTrue(rejected.reason().startsWith(type + ": "), rejected::reason);
    assertTrue(rejected.reason().contains(reason), rejected::reason);
  }

  @Test
  void anIdLongerThanTheTableKeepsIsRejected() {
    String body = "{\"agentId\":\"" + "a".repeat(65) + "\",\"state\":\"READY\"}";
    RejectedMessage rejected =
        assertThrows(RejectedMessage.class, () -> DesktopMessage.parse("AgentState", body));
    assertTrue(rejected.reason().contains("'agentId': longer than 64"), rejected::reason);
  }

  @Test
  void unknownTypeIsRejectedByName() {
    RejectedMessage rejected =
        assertThrows(RejectedMessage.class, () -> DesktopMessage.parse("AgentLogout", "{}"));
    assertTrue(rejected.reason().contains("unknown message type 'AgentLogout'"), rejected::reason);
  }

  @Test
  void missingTypeIsRejected() {
    RejectedMessage rejected =
        assertThrows(RejectedMessage.class, () -> DesktopMessage.parse(null, "{}"));
    assertTrue(rejected.reason().contains("'type'"), rejected::reason);
  }

  @Test
  void missingBodyIsRejected() {
    RejectedMessage rejected =
        assertThrows(RejectedMessage.class, () -> DesktopMessage.parse("AgentState", null));
    assertTrue(rejected.reason().contains("no body"), rejected::reason);
  }
}
