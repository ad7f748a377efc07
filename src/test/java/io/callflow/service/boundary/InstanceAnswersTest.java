package io.callflow.service.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.callflow.routing.entity.Ewt;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.service.entity.AccessInfo;
import io.callflow.service.entity.DialAttempt;
import io.callflow.service.entity.InstanceAnswer.AccessIssued;
import io.callflow.service.entity.InstanceAnswer.Cancelled;
import io.callflow.service.entity.InstanceAnswer.Confirmation;
import io.callflow.service.entity.InstanceAnswer.Description;
import io.callflow.service.entity.InstanceAnswer.DialNumber;
import io.callflow.service.entity.InstanceAnswer.InstanceAccess;
import io.callflow.service.entity.InstanceAnswer.Matched;
import io.callflow.service.entity.InstanceAnswer.Menu;
import io.callflow.service.entity.InstanceAnswer.Standing;
import io.callflow.service.entity.InstanceState;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The instance answers on the wire are GMS's, member for member and in GMS's order. */
class InstanceAnswersTest {

  private static final Supplier<URI> BASE = () -> URI.create("http://gms.example/");
  private static final Instant EXPIRES = Instant.parse("2026-03-09T14:30:00Z");
  private static final AccessInfo WITH_CODE =
      new AccessInfo("+18005550100", Optional.of("123456"), 30, EXPIRES);
  private static final AccessInfo WITHOUT_CODE =
      new AccessInfo("+18005550100", Optional.empty(), 30, EXPIRES);
  private static final QueuePosition SECOND =
      new QueuePosition(2, 5, new Ewt(120, true), Optional.empty());

  @Test
  void requestInteractionAnswersTheAccessInfoAndTheDataId() {
    assertEquals(
        "{\"_id\":\"i-1\",\"_access_number\":\"+18005550100\",\"_access_code\":\"123456\","
            + "\"_expiration_time\":\"30\",\"_expires_at\":\"2026-03-09T14:30:00Z\","
            + "\"_data_id\":\"d-1\"}",
        InstanceAnswers.json(new AccessIssued("i-1", WITH_CODE, "d-1"), BASE).toString());
  }

  @Test
  void requestAccessAnswersTheAccessInfoWithoutCodeWhenThePoolGivesNone() {
    assertEquals(
        "{\"_id\":\"i-1\",\"_access_number\":\"+18005550100\",\"_expiration_time\":\"30\","
            + "\"_expires_at\":\"2026-03-09T14:30:00Z\"}",
        InstanceAnswers.json(new InstanceAccess("i-1", WITHOUT_CODE), BASE).toString());
  }

  @Test
  void theDialNumberDialogDialsTheCodeAfterPauses() {
    assertEquals(
        "{\"_id\":\"i-1\",\"_action\":\"DialNumber\",\"_tel_url\":\"tel:+18005550100,,,123456\","
            + "\"_access_number\":\"+18005550100\",\"_access_code\":\"123456\","
            + "\"_expiration_time\":\"30\",\"_expires_at\":\"2026-03-09T14:30:00Z\","
            + "\"_label\":\"Call now\",\"_data_id\":\"d-1\"}",
        InstanceAnswers.json(new DialNumber("i-1", WITH_CODE, "d-1"), BASE).toString());
  }

  @Test
  void aMatchAnswersTheAgentAndTheAppDataWithoutOverwritingItsOwnMembers() {
    Matched matched =
        new Matched("i-1", "d-1", Optional.of("agent-7"), Map.of("_id", "x", "order", "42"));
    assertEquals(
        Map.of("_id", "i-1", "_data_id", "d-1", "_agent_id", "agent-7", "order", "42"),
        InstanceAnswers.members(matched));
    assertEquals(
        List.of("_id", "_data_id", "_agent_id"),
        List.copyOf(InstanceAnswers.members(matched).keySet()).subList(0, 3));
  }

  @Test
  void aConfirmationCarriesThePlaceInTheQueueAndTheDataIdWhereGiven() {
    assertEquals(
        "{\"_id\":\"i-1\",\"_action\":\"ConfirmationDialog\",\"_text\":\"We will call you\","
            + "\"_ok_title\":\"Ok\",\"_dialog_id\":\"0\",\"_position\":\"2\","
            + "\"_total_waiting\":\"5\",\"ewt\":\"120\",\"_eta\":\"120\",\"_data_id\":\"d-1\"}",
        InstanceAnswers.json(
                new Confirmation(
                    "i-1", "We will call you", Optional.of(SECOND), Optional.of("d-1")),
                BASE)
            .toString());
    assertEquals(
        "{\"_id\":\"i-1\",\"_action\":\"ConfirmationDialog\",\"_text\":\"Soon\","
            + "\"_ok_title\":\"Ok\",\"_dialog_id\":\"0\"}",
        InstanceAnswers.json(
                new Confirmation("i-1", "Soon", Optional.empty(), Optional.empty()), BASE)
            .toString());
  }

  @Test
  void theMenuLinksToConfirmAndSnoozeUnderTheBase() {
    JsonObject menu = InstanceAnswers.json(new Menu("i-1"), BASE);
    assertEquals("DisplayMenu", menu.getString("_action"));
    JsonObject group = menu.getJsonArray("_content").getJsonObject(0);
    assertEquals(
        List.of(
            "http://gms.example/genesys/1/service/i-1/confirm",
            "http://gms.example/genesys/1/service/i-1/snooze"),
        group.getJsonArray("_group_content").getValuesAs(JsonObject.class).stream()
            .map(item -> item.getString("_user_action_url"))
            .toList());
  }

  @Test
  void theQueuePositionOnceIssuedShowsTheDialNumberDialogInTheMenusPlace() {
    JsonObject standing =
        InstanceAnswers.json(
            new Standing(
                "i-1",
                InstanceState.WAITING_CONFIRM,
                Optional.of(SECOND),
                true,
                Optional.of(WITHOUT_CODE),
                true),
            BASE);
    assertEquals(
        "{\"_id\":\"i-1\",\"_state\":\"WAITING_CONFIRM\",\"_position\":\"2\","
            + "\"_total_waiting\":\"5\",\"ewt\":\"120\",\"_eta\":\"120\","
            + "\"_action\":\"DialNumber\",\"_tel_url\":\"tel:+18005550100\","
            + "\"_access_number\":\"+18005550100\",\"_expiration_time\":\"30\","
            + "\"_expires_at\":\"2026-03-09T14:30:00Z\",\"_label\":\"Call now\","
            + "\"_agent_ready_threshold_passed\":true}",
        standing.toString());
  }

  @Test
  void theQueuePositionOutOfTheQueueIsZeroAndNoAgentIsReady() {
    JsonObject standing =
        InstanceAnswers.json(
            new Standing(
                "i-1", InstanceState.QUEUED, Optional.empty(), false, Optional.empty(), false),
            BASE);
    assertEquals("0", standing.getString("_position"));
    assertEquals("0", standing.getString("_total_waiting"));
    assertEquals("0", standing.getString("ewt"));
    assertEquals("0", standing.getString("_eta"));
    assertEquals(false, standing.getBoolean("_agent_ready_threshold_passed"));
  }

  @Test
  void aDescriptionListsWhatTheInstanceHasAndAnOutboundOneItsCalls() {
    Description description =
        new Description(
            "i-1",
            "callback-later",
            InstanceState.SCHEDULED,
            "d-1",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("busy"),
            Optional.of(EXPIRES),
            Optional.empty());
    assertEquals(
        "{\"_id\":\"i-1\",\"_service\":\"callback-later\",\"_state\":\"SCHEDULED\","
            + "\"_data_id\":\"d-1\",\"_failure_reason\":\"busy\","
            + "\"_desired_time\":\"2026-03-09T14:30:00Z\"}",
        InstanceAnswers.json(description, BASE).toString());

    DialAttempt first =
        new DialAttempt("i-1", 1, DialAttempt.Party.values()[0], "agent-7", EXPIRES);
    JsonObject withCalls = InstanceAnswers.json(description.withAttempts(List.of(first)), BASE);
    JsonObject call = withCalls.getJsonArray("_attempts").getJsonObject(0);
    assertEquals("1", call.getString("attempt"));
    assertEquals(DialAttempt.Party.values()[0].name(), call.getString("party"));
    assertEquals("2026-03-09T14:30:00Z", call.getString("at"));
  }

  @Test
  void aCancelAnswersTheStateTheInstanceEndedIn() {
    assertEquals(
        "{\"_id\":\"i-1\",\"_state\":\"CANCELLED\"}",
        InstanceAnswers.json(new Cancelled("i-1", InstanceState.CANCELLED), BASE).toString());
  }
}
