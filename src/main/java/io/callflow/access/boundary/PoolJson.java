package io.callflow.access.boundary;

import io.callflow.access.entity.Pool;
import io.callflow.access.entity.PoolSnapshot;
import io.callflow.access.entity.Utilisation;
import io.callflow.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A pool as the admin API answers it; the same shape a client sends, plus utilisation. */
public final class PoolJson {

  private PoolJson() {}

  public static JsonObject write(PoolSnapshot snapshot) {
    Pool pool = snapshot.pool();
    Utilisation utilisation = snapshot.utilisation();
    JsonObjectBuilder json =
        Jsonp.createObjectBuilder()
            .add("name", pool.name())
            .add("allocation", pool.allocation().name())
            .add("choice", pool.choice().name())
            .add("bookingTimeoutSeconds", pool.bookingTimeout().toSeconds());
    pool.location()
        .ifPresent(
            location ->
                json.add(
                    "location",
                    Jsonp.createObjectBuilder()
                        .add("latitude", location.latitude())
                        .add("longitude", location.longitude())
                        .add("radiusKm", location.radiusKm())));
    return json.add("numbers", Jsonp.createArrayBuilder(snapshot.numbers()))
        .add(
            "utilisation",
            Jsonp.createObjectBuilder()
                .add("liveBookings", utilisation.liveBookings())
                .add("numbers", utilisation.numbers())
                .add("ratio", utilisation.ratio()))
        .build();
  }
}
