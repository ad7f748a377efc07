package io.callflow.desktop.entity;

import jakarta.ejb.ApplicationException;

/**
 * A desktop message that cannot be carried out as sent: it is dead-lettered with this reason, never
 * redelivered. Not a rollback: the dead letter is sent in the same transaction as the receipt.
 */
@ApplicationException(rollback = false)
public class RejectedMessage extends RuntimeException {

  public RejectedMessage(String reason) {
    super(reason);
  }

  public String reason() {
    return getMessage();
  }
}
