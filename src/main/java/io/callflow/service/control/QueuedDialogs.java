package io.callflow.service.control;

/**
 * The names of the queued flows' GMS dialogs and of the requests their apps send back; the boundary
 * writes the dialogs.
 */
public final class QueuedDialogs {

  public static final String CONFIRMATION_DIALOG = "ConfirmationDialog";
  public static final String DISPLAY_MENU = "DisplayMenu";
  public static final String CONFIRM = "confirm";
  public static final String SNOOZE = "snooze";
  public static final String CHECK_QUEUE_POSITION = "check-queue-position";

  private QueuedDialogs() {}
}
