package io.callflow.desktop.reference;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a desktop from the command line: logs the agent in, goes READY, prints what the server sends,
 * reports each offered call COMPLETED after {@code --talk-seconds} (0: never), until Ctrl+C, which
 * logs the agent out.
 *
 * <pre>--broker tcp://127.0.0.1:61616 [--user desktop --password desktop] --agent a1 --queues default[,vip]
 *     [--extension 5001] [--talk-seconds 10]</pre>
 */
public final class DesktopClientMain {

  private DesktopClientMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = options(args);
    String broker = options.getOrDefault("broker", "tcp://127.0.0.1:61616");
    String agent = options.getOrDefault("agent", "a1");
    List<String> queues = Arrays.asList(options.getOrDefault("queues", "default").split(","));
    String extension = options.getOrDefault("extension", agent);

    long talkSeconds = Long.parseLong(options.getOrDefault("talk-seconds", "10"));

    DesktopClient desktop =
        DesktopClient.connect(
            broker, options.getOrDefault("user", "desktop"), options.getOrDefault("password", "desktop"), agent);
    ScheduledExecutorService calls = Executors.newSingleThreadScheduledExecutor();
    desktop.onReceived(message -> {
      System.out.println(message.type() + " " + message.body());
      if (message.type().equals("Offer") && talkSeconds > 0) {
        String serviceId = message.body().getString("serviceId");
        int attempt = message.body().getInt("attempt", 0); // outbound offers name their attempt
        calls.schedule(
            () -> {
              if (attempt > 0) {
                desktop.callResult(serviceId, "COMPLETED", attempt);
              } else {
                desktop.callResult(serviceId, "COMPLETED");
              }
              System.out.println("CallResult COMPLETED for " + serviceId);
            },
            talkSeconds,
            TimeUnit.SECONDS);
      }
    });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  calls.shutdownNow();
                  desktop.logOut();
                  desktop.close();
                  System.out.println("agent " + agent + " logged out");
                  stopped.countDown();
                }));
    desktop.logIn(queues, extension);
    desktop.ready();
    System.out.println(
        "agent " + agent + " READY on " + queues + " at " + broker + "; Ctrl+C logs out");
    stopped.await();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException(
            "usage: --broker tcp://host:port [--user u --password p] --agent id --queues q1[,q2] [--extension ext] [--talk-seconds n]");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}
