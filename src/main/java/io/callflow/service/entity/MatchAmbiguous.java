package io.callflow.service.entity;

/**
 * {@code match-interaction} found more than one booking the call could be for: the IVR must send
 * the caller's number or the access code the caller entered.
 */
public final class MatchAmbiguous extends ServiceRefusal {

  public MatchAmbiguous(String reason) {
    super(reason);
  }
}
