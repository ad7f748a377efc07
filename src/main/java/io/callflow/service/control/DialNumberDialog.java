package io.callflow.service.control;

/**
 * GMS's DialNumber dialog, pushed as an action and answered to {@code /service/{id}/DialNumber}:
 * the app dials the access number, the access code following once the call connects.
 */
public final class DialNumberDialog {

  public static final String ACTION = "DialNumber";

  private DialNumberDialog() {}
}
