package io.callflow.desktop.reference;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a desktop from the command line: logs the agent in, goes READY, prints what the server
 * sends, reports each offered call COMPLETED after {@code --talk-seconds} (0: never), until Ctrl+C,
 * which logs the agent out.
 *
 * <pre>
 * --broker tcp://127.0.0.1:61616 [--user desktop --password desktop] --agent a1 --queues default[,vip]
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
            broker,
            options.getOrDefault("user", "desktop"),
            options.getOrDefault("password", "desktop"),
            agent);
    ScheduledExecutorService calls = Executors.newSingleThreadScheduledExecutor();
    if (talkSeconds > 0) {
      AnsweringAgent.answerOffers(
          desktop,
          calls,
          () -> Duration.ofSeconds(talkSeconds),
          message -> System.out.println(message.type() + " " + message.body()));
    } else {
      desktop.onReceived(message -> System.out.println(message.type() + " " + message.body()));
    }
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
