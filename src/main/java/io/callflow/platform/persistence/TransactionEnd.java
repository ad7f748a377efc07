package io.callflow.platform.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the caller's transaction has ended, committed or rolled back: an in-memory
 * reading of the database made stale by the transaction is dropped only when its change is visible,
 * so no reading made in between survives it.
 */
public final class TransactionEnd {

  private TransactionEnd() {}

  /** {@code action} after the caller's transaction, or at once when there is none. */
  public static void afterwards(TransactionSynchronizationRegistry transactions, Runnable action) {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      action.run();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.run();
          }
        });
  }
}
