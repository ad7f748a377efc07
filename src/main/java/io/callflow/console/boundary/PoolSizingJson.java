package io.callflow.console.boundary;

import io.callflow.console.entity.PoolSample;
import io.callflow.console.entity.PoolSizing;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** A pool's last hour as the console reads it: figures, advice and the utilisation series. */
final class PoolSizingJson {

  private PoolSizingJson() {}

  static JsonObject write(List<PoolSizing> sizings) {
    JsonArrayBuilder pools = Jsonp.createArrayBuilder();
    sizings.forEach(sizing -> pools.add(write(sizing)));
    return Jsonp.createObjectBuilder().add("pools", pools).build();
  }

  static JsonObject write(PoolSizing sizing) {
    JsonObjectBuilder advice = Jsonp.createObjectBuilder();
    sizing.numbersForOnePercent().ifPresent(n -> advice.add("onePercent", n));
    sizing.numbersForOneTenthPercent().ifPresent(n -> advice.add("oneTenthPercent", n));
    JsonArrayBuilder samples = Jsonp.createArrayBuilder();
    for (PoolSample sample : sizing.samples()) {
      samples.add(
          Jsonp.createObjectBuilder()
              .add("at", sample.sampledAt().toString())
              .add("numbers", sample.numbers())
              .add("liveBookings", sample.liveBookings())
              .add("utilisation", sample.utilisation()));
    }
    return Jsonp.createObjectBuilder()
        .add("name", sizing.pool())
        .add("allocation", sizing.locking() ? "LOCKING" : "SHARED")
        .add("numbers", sizing.numbers())
        .add("liveBookings", sizing.liveBookings())
        .add("observedSeconds", sizing.observed().toSeconds())
        .add("bookingsStarted", sizing.bookingsStarted())
        .add("bookingsPerHour", sizing.bookingsPerHour())
        .add("meanHoldSeconds", sizing.meanHoldSeconds())
        .add("erlangs", sizing.erlangs())
        .add("numbersNeeded", advice)
        .add("samples", samples)
        .build();
  }
}
