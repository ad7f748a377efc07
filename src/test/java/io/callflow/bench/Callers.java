package io.callflow.bench;

import io.callflow.testing.GmsClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Customers in a closed loop, each thread one call at a time until the run ends: create an instance
 * of a queued flow, then (inbound) wait for the DialNumber push, ask for the number and have the
 * IVR match the call, or (outbound) nothing; a call counts once an agent is offered it (the desktop
 * hangs up at once, completing it). Latency: create to offer.
 */
final class Callers implements Points.Load {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  private final GmsClient gms;
  private final String service;
  private final boolean inbound;
  private final int threads;
  private final PushInbox inbox;
  private final Desktops desktops;
  private final AtomicLong nextPhone = new AtomicLong();

  Callers(
      GmsClient gms,
      String service,
      boolean inbound,
      int threads,
      PushInbox inbox,
      Desktops desktops) {
    this.gms = gms.withTimeout(PATIENCE);
    this.service = service;
    this.inbound = inbound;
    this.threads = threads;
    this.inbox = inbox;
    this.desktops = desktops;
  }

  @Override
  public LoadResult run(Duration length) throws Exception {
    Histogram calls = new Histogram();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> running = new ArrayList<>();
    double cpuBefore = Usage.currentJvmCpuMs();
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      Thread caller = new Thread(() -> loop(calls, stop), "bench-caller");
      caller.start();
      running.add(caller);
    }
    Thread.sleep(length.toMillis());
    stop.set(true);
    long open = 0;
    for (Thread caller : running) {
      caller.join(PATIENCE.toMillis());
      if (caller.isAlive()) {
        open++;
        caller.interrupt();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, LoadResult.Kind> kinds = new LinkedHashMap<>();
    kinds.put("call", calls.toKind(open));
    return new LoadResult(seconds, kinds, Usage.currentJvmCpuMs() - cpuBefore);
  }

  private void loop(Histogram calls, AtomicBoolean stop) {
    while (!stop.get()) {
      long t0 = System.nanoTime();
      String outcome;
      try {
        outcome = call();
      } catch (RuntimeException e) {
        outcome = "error";
      } catch (InterruptedException e) {
        return;
      }
      calls.record((System.nanoTime() - t0) / 1000, outcome);
    }
  }

  /** One customer's call; answers "ok" or what went wrong. */
  private String call() throws InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_phone_number", "+1650" + (2_000_000 + nextPhone.getAndIncrement() % 7_000_000));
    if (inbound) {
      form.put("_device_notification_id", inbox.url());
      form.put("_device_os", "httpcb");
    }
    GmsClient.Reply created = gms.postForm("/genesys/1/service/" + service, form);
    if (created.status() != 200) {
      return "create " + created.status();
    }
    String id = created.json().getString("_id");
    try {
      if (inbound) {
        String issue = takeTheNumber(id, form.get("_phone_number"));
        if (issue != null) {
          return issue;
        }
      }
      desktops.offer(id).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      return "ok";
    } catch (java.util.concurrent.TimeoutException e) {
      return "timeout";
    } catch (java.util.concurrent.ExecutionException e) {
      return "error";
    } finally {
      inbox.forget(id);
      desktops.forget(id);
    }
  }

  /** After the push: the number and code, then the IVR's match; null when all went well. */
  private String takeTheNumber(String id, String phone)
      throws InterruptedException,
          java.util.concurrent.ExecutionException,
          java.util.concurrent.TimeoutException {
    inbox.dialNumber(id).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    GmsClient.Reply dial = gms.get("/genesys/1/service/" + id + "/DialNumber");
    if (dial.status() != 200) {
      return "DialNumber " + dial.status();
    }
    JsonObject number = dial.json();
    Map<String, String> match = new LinkedHashMap<>();
    match.put("_access_number", number.getString("_access_number"));
    match.put("_phone_number", phone);
    if (number.containsKey("_access_code")) {
      match.put("_access_code", number.getString("_access_code"));
    }
    GmsClient.Reply matched = gms.postForm("/genesys/1/service/match-interaction", match);
    return matched.status() == 200 ? null : "match " + matched.status();
  }
}
