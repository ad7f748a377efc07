package io.callflow.desktop.reference;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An agent who takes every offered call and hangs up after a talk time: on each {@code Offer} the
 * desktop reports {@code CallResult COMPLETED} once the talk time has passed, echoing the offer's
 * {@code attempt} for outbound calls so the result answers that attempt and no other.
 */
public final class AnsweringAgent {

  private AnsweringAgent() {}

  /**
   * Makes {@code desktop} answer its offers, each call lasting {@code talkTime.get()}, on {@code
   * calls}; every message received is also handed to {@code alsoOnReceived} (e.g. to print or count
   * it).
   */
  public static void answerOffers(
      DesktopClient desktop,
      ScheduledExecutorService calls,
      Supplier<Duration> talkTime,
      Consumer<DesktopClient.Received> alsoOnReceived) {
    desktop.onReceived(
        message -> {
          alsoOnReceived.accept(message);
          if (message.type().equals("Offer")) {
            String serviceId = message.body().getString("serviceId");
            int attempt = message.body().getInt("attempt", 0); // outbound offers name their attempt
            calls.schedule(
                () -> desktop.callResult(serviceId, "COMPLETED", attempt),
                talkTime.get().toMillis(),
                TimeUnit.MILLISECONDS);
          }
        });
  }
}
