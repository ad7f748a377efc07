package io.callflow.service.boundary;

import io.callflow.platform.json.Jsonp;
import io.callflow.platform.json.StringObjects;
import io.callflow.routing.entity.QueuePosition;
import io.callflow.service.control.DialNumberDialog;
import io.callflow.service.control.QueuedDialogs;
import io.callflow.service.entity.AccessInfo;
import io.callflow.service.entity.DialAttempt;
import io.callflow.service.entity.InstanceAnswer;
import io.callflow.service.entity.InstanceAnswer.AccessIssued;
import io.callflow.service.entity.InstanceAnswer.Cancelled;
import io.callflow.service.entity.InstanceAnswer.Confirmation;
import io.callflow.service.entity.InstanceAnswer.Description;
import io.callflow.service.entity.InstanceAnswer.DialNumber;
import io.callflow.service.entity.InstanceAnswer.InstanceAccess;
import io.callflow.service.entity.InstanceAnswer.Matched;
import io.callflow.service.entity.InstanceAnswer.Menu;
import io.callflow.service.entity.InstanceAnswer.Standing;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An instance's answers as GMS writes them: every scalar a string, members in GMS's order; the
 * DisplayMenu's items link to the requests under {@code base}. The Callback API's creates answer as
 * the flows they run, so {@code callback}'s boundary writes its answers here too.
 */
public final class InstanceAnswers {

  private InstanceAnswers() {}

  /**
   * The answer on the wire; only a menu asks for the request's base URI, which costs a URI built
   * from the request's headers.
   */
  public static JsonObject json(InstanceAnswer answer, Supplier<URI> base) {
    if (answer instanceof Menu menu) {
      return displayMenu(menu.id(), base.get());
    }
    if (answer instanceof Standing standing) {
      return Jsonp.createObjectBuilder(StringObjects.toJson(members(standing)))
          .add("_agent_ready_threshold_passed", standing.agentReady())
          .build();
    }
    if (answer instanceof Description description && description.attempts().isPresent()) {
      return Jsonp.createObjectBuilder(StringObjects.toJson(members(description)))
          .add("_attempts", attempts(description.attempts().get()))
          .build();
    }
    return StringObjects.toJson(members(answer));
  }

  /**
   * The answer's string members: all of it but a DisplayMenu's items, check-queue-position's
   * boolean and an outbound description's calls.
   */
  static Map<String, String> members(InstanceAnswer answer) {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("_id", answer.id());
    if (answer instanceof AccessIssued issued) {
      access(members, issued.access());
      members.put("_data_id", issued.dataId());
    } else if (answer instanceof DialNumber dial) {
      dialNumber(members, dial.access());
      members.put("_data_id", dial.dataId());
    } else if (answer instanceof Matched matched) {
      members.put("_data_id", matched.dataId());
      matched.agentId().ifPresent(agent -> members.put("_agent_id", agent));
      matched.userData().forEach(members::putIfAbsent);
    } else if (answer instanceof Description description) {
      describe(members, description);
    } else if (answer instanceof Confirmation confirmation) {
      confirmation(members, confirmation.text());
      confirmation.position().ifPresent(position -> position(members, position));
      confirmation.dataId().ifPresent(dataId -> members.put("_data_id", dataId));
    } else if (answer instanceof Standing standing) {
      stand(members, standing);
    } else if (answer instanceof InstanceAccess access) {
      access(members, access.access());
    } else if (answer instanceof Cancelled cancelled) {
      members.put("_state", cancelled.state().name());
    } else if (answer instanceof Menu) {
      members.put("_action", QueuedDialogs.DISPLAY_MENU);
    }
    return members;
  }

  private static void describe(Map<String, String> members, Description description) {
    members.put("_service", description.service());
    members.put("_state", description.state().name());
    members.put("_data_id", description.dataId());
    description.access().ifPresent(access -> access(members, access));
    description.position().ifPresent(position -> position(members, position));
    description.agentId().ifPresent(agent -> members.put("_agent_id", agent));
    description.failureReason().ifPresent(reason -> members.put("_failure_reason", reason));
    description.desiredTime().ifPresent(due -> members.put("_desired_time", due.toString()));
  }

  /**
   * Position, EWT and the dialog in progress: DisplayMenu while a confirmation is awaited,
   * DialNumber (in its place) once the access number is issued.
   */
  private static void stand(Map<String, String> members, Standing standing) {
    members.put("_state", standing.state().name());
    if (standing.position().isPresent()) {
      position(members, standing.position().get());
    } else {
      members.putAll(Map.of("_position", "0", "_total_waiting", "0", "ewt", "0", "_eta", "0"));
    }
    if (standing.awaitsConfirmation()) {
      members.put("_action", QueuedDialogs.DISPLAY_MENU);
    }
    standing.access().ifPresent(access -> dialNumber(members, access));
  }

  /** The access-info members. */
  private static void access(Map<String, String> members, AccessInfo access) {
    members.put("_access_number", access.number());
    access.code().ifPresent(code -> members.put("_access_code", code));
    members.put("_expiration_time", String.valueOf(access.secondsLeft()));
    members.put("_expires_at", access.expiresAt().toString());
  }

  /**
   * GMS's DialNumber dialog: the app dials {@code _tel_url}, where an access code follows pauses
   * ({@code tel:+18005550100,,,123456}) so the phone sends it once the call connects.
   */
  private static void dialNumber(Map<String, String> members, AccessInfo access) {
    members.put("_action", DialNumberDialog.ACTION);
    members.put(
        "_tel_url", "tel:" + access.number() + access.code().map(code -> ",,," + code).orElse(""));
    access(members, access);
    members.put("_label", "Call now");
  }

  /** A ConfirmationDialog: {@code _text} to show, acknowledged with {@code _ok_title}. */
  private static void confirmation(Map<String, String> members, String text) {
    members.put("_action", QueuedDialogs.CONFIRMATION_DIALOG);
    members.put("_text", text);
    members.put("_ok_title", "Ok");
    members.put("_dialog_id", "0");
  }

  /** Position members of every queued answer; {@code ewt} and {@code _eta} are seconds. */
  private static void position(Map<String, String> members, QueuePosition position) {
    members.put("_position", String.valueOf(position.position()));
    members.put("_total_waiting", String.valueOf(position.totalWaiting()));
    members.put("ewt", String.valueOf(position.ewt().seconds()));
    members.put("_eta", String.valueOf(position.ewt().seconds()));
  }

  private static JsonArrayBuilder attempts(List<DialAttempt> placed) {
    JsonArrayBuilder attempts = Jsonp.createArrayBuilder();
    for (DialAttempt attempt : placed) {
      JsonObjectBuilder one =
          Jsonp.createObjectBuilder()
              .add("attempt", String.valueOf(attempt.attempt()))
              .add("party", attempt.party().name())
              .add("at", attempt.dialledAt().toString());
      attempt.result().ifPresent(result -> one.add("result", result));
      attempt.resultAt().ifPresent(at -> one.add("resultAt", at.toString()));
      attempts.add(one);
    }
    return attempts;
  }

  /**
   * The menu an agent-ready customer chooses from: call now ({@code confirm}) or later ({@code
   * snooze}).
   */
  private static JsonObject displayMenu(String id, URI base) {
    return Jsonp.createObjectBuilder()
        .add("_id", id)
        .add("_action", QueuedDialogs.DISPLAY_MENU)
        .add("_label", "An agent is ready to take your call")
        .add(
            "_content",
            Jsonp.createArrayBuilder()
                .add(
                    Jsonp.createObjectBuilder()
                        .add("_group_name", "Would you like to call now?")
                        .add(
                            "_group_content",
                            Jsonp.createArrayBuilder()
                                .add(item("Call now", base, id, QueuedDialogs.CONFIRM))
                                .add(item("Later", base, id, QueuedDialogs.SNOOZE)))))
        .build();
  }

  private static JsonObjectBuilder item(String label, URI base, String id, String request) {
    return Jsonp.createObjectBuilder()
        .add("_label", label)
        .add(
            "_user_action_url", base.resolve("genesys/1/service/" + id + "/" + request).toString());
  }
}
