package io.callflow.service.control;

import io.callflow.platform.json.Jsonp;
import io.callflow.routing.entity.QueuePosition;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Map;

/** The GMS dialogs of the queued flows; scalars are strings, as GMS clients read them. */
final class QueuedDialogs {

  static final String CONFIRMATION_DIALOG = "ConfirmationDialog";
  static final String DISPLAY_MENU = "DisplayMenu";
  static final String CONFIRM = "confirm";
  static final String SNOOZE = "snooze";
  static final String CHECK_QUEUE_POSITION = "check-queue-position";

  private QueuedDialogs() {}

  /** A ConfirmationDialog: {@code _text} to show, acknowledged with {@code _ok_title}. */
  static void confirmation(Map<String, String> answer, String id, String text) {
    answer.put("_id", id);
    answer.put("_action", CONFIRMATION_DIALOG);
    answer.put("_text", text);
    answer.put("_ok_title", "Ok");
    answer.put("_dialog_id", "0");
  }

  /** Position members of every queued answer; {@code ewt} and {@code _eta} are seconds. */
  static void position(Map<String, String> answer, QueuePosition position) {
    answer.put("_position", String.valueOf(position.position()));
    answer.put("_total_waiting", String.valueOf(position.totalWaiting()));
    answer.put("ewt", String.valueOf(position.ewt().seconds()));
    answer.put("_eta", String.valueOf(position.ewt().seconds()));
  }

  /**
   * The menu an agent-ready customer chooses from: call now ({@code confirm}) or later ({@code
   * snooze}).
   */
  static JsonObject displayMenu(String id, URI base) {
    return Jsonp.createObjectBuilder()
        .add("_id", id)
        .add("_action", DISPLAY_MENU)
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
                                .add(item("Call now", base, id, CONFIRM))
                                .add(item("Later", base, id, SNOOZE)))))
        .build();
  }

  private static JsonObjectBuilder item(String label, URI base, String id, String request) {
    return Jsonp.createObjectBuilder()
        .add("_label", label)
        .add(
            "_user_action_url", base.resolve("genesys/1/service/" + id + "/" + request).toString());
  }
}
