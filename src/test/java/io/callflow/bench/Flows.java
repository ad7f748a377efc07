package io.callflow.bench;

import io.callflow.testing.GmsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Queued flows: READY-to-push latency with many customers waiting, and completed calls per second
 * of request-inbound-delay and request-outbound-immediate with simulated desktops (talk time 0).
 */
final class Flows {

  private final BenchStack stack;
  private final BenchSettings settings;
  private final Points points;
  private final ProductSetup setup;
  private final AtomicInteger nextQueue = new AtomicInteger();
  private LoadResult.Kind readyToPush;
  private final List<Points.Point> completions = new ArrayList<>();

  Flows(BenchStack stack, BenchSettings settings, Points points, ProductSetup setup) {
    this.stack = stack;
    this.settings = settings;
    this.points = points;
    this.setup = setup;
  }

  void measure() throws Exception {
    try (PushInbox inbox = PushInbox.start()) {
      points.recover();
      stack.resetTables();
      String queue = queuedFlow("bench-inbound-delay", "request-inbound-delay");
      queueCustomers(stack.gms(), "bench-inbound-delay", settings.flowQueued(), inbox.url());
      readyToPush =
          ReadyToPush.measure(
                  stack.gms(), stack.stack().brokerUrl(), queue, inbox, settings.flowSamples())
              .toKind(0);
      System.out.println(
          "bench: READY to push, p50 "
              + Format.ms(readyToPush.p50us())
              + " ms, p99 "
              + Format.ms(readyToPush.p99us())
              + " ms");
      completions.add(completionsOf("request-inbound-delay", true, inbox));
      completions.add(completionsOf("request-outbound-immediate", false, inbox));
    }
  }

  private Points.Point completionsOf(String flow, boolean inbound, PushInbox inbox)
      throws Exception {
    Desktops[] desktops = new Desktops[1];
    String service = "bench-" + flow;
    try {
      return points.measure(
          flow + " completions",
          settings.desktops(),
          () -> {
            String queue = queuedFlow(service, flow);
            desktops[0] =
                Desktops.ready(stack.gms(), stack.stack().brokerUrl(), queue, settings.desktops());
          },
          length ->
              new Callers(
                      stack.gms(), service, inbound, 2 * settings.desktops(), inbox, desktops[0])
                  .run(length));
    } finally {
      if (desktops[0] != null) {
        desktops[0].close();
      }
    }
  }

  /** A fresh queue and pool, and {@code service} running {@code flow} on them; the queue's name. */
  private String queuedFlow(String service, String flow) {
    String queue = "bench-q" + nextQueue.incrementAndGet();
    setup.queue(queue);
    String pool = setup.pool("LOCKING", 1_000, 120);
    setup.service(service, flow, pool, "\"_queue\":\"" + queue + "\"");
    return queue;
  }

  /**
   * Creates {@code count} instances of {@code service} from 8 threads, pushes to {@code push};
   * answers their ids.
   */
  static List<String> queueCustomers(GmsClient gms, String service, int count, String push)
      throws Exception {
    ExecutorService creators = Executors.newFixedThreadPool(8);
    try {
      List<Future<GmsClient.Reply>> created = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Map<String, String> form =
            push == null
                ? Map.of()
                : Map.of("_device_notification_id", push, "_device_os", "httpcb");
        created.add(
            creators.submit(
                () ->
                    ProductSetup.require(
                        gms.postForm("/genesys/1/service/" + service, form), "queue a customer")));
      }
      List<String> ids = new ArrayList<>(count);
      for (Future<GmsClient.Reply> one : created) {
        ids.add(one.get().json().getString("_id"));
      }
      return ids;
    } finally {
      creators.shutdownNow();
    }
  }

  void report(Report report) {
    report.heading("Flows");
    if (readyToPush != null) {
      report.paragraph(
          "READY to push: an agent's READY message (JMS) until the customer's DialNumber push"
              + " (httpcb on loopback) arrives, with "
              + settings.flowQueued()
              + " customers queued (request-inbound-delay); the agent then turns NOT_READY and the"
              + " customer keeps their place. "
              + readyToPush.count()
              + " samples: p50 "
              + Format.ms(readyToPush.p50us())
              + " ms, p99 "
              + Format.ms(readyToPush.p99us())
              + " ms, max "
              + Format.ms(readyToPush.maxUs())
              + " ms"
              + (readyToPush.notOk() > 0 ? ", " + readyToPush.notOk() + " without a push" : "")
              + ".");
    }
    report.paragraph(
        "Completed calls per second with "
            + settings.desktops()
            + " reference desktops (talk time 0) and "
            + 2 * settings.desktops()
            + " customers in a closed loop: inbound, create → DialNumber push → GET DialNumber →"
            + " match-interaction → offer to the agent; outbound-immediate, create → offer. A call"
            + " counts when the agent is offered it (the desktop completes it at once); latency is"
            + " create to offer. Costs are per call; the benchmark JVM here also runs the"
            + " desktops and customers.");
    List<String> headers =
        new ArrayList<>(
            List.of("flow", "run", "calls/s", "p50 ms", "p99 ms", "max ms", "failed", "open"));
    headers.addAll(Rows.COST_HEADERS);
    List<List<String>> rows = new ArrayList<>();
    for (Points.Point point : completions) {
      int index = 1;
      for (Points.Run run : point.runs()) {
        LoadResult.Kind call = run.load().kind("call");
        List<String> row =
            new ArrayList<>(
                List.of(
                    point.name().replace(" completions", ""),
                    String.valueOf(index++),
                    Format.rate(call.ok() / run.load().seconds()),
                    Format.ms(call.p50us()),
                    Format.ms(call.p99us()),
                    Format.ms(call.maxUs()),
                    call.notOk() == 0 ? "0" : call.notOk() + " " + call.statuses(),
                    String.valueOf(call.open())));
        row.addAll(Rows.costs(run));
        rows.add(row);
      }
    }
    report.table(headers, rows);
  }
}
