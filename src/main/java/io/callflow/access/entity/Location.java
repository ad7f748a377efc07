package io.callflow.access.entity;

/** Where a pool serves: a point and a radius. */
public record Location(double latitude, double longitude, double radiusKm) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** Great-circle (haversine) distance from this location's centre to a point, in km. */
  public double distanceKm(double lat, double lon) {
    double dLat = Math.toRadians(lat - latitude);
    double dLon = Math.toRadians(lon - longitude);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(lat))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  public boolean covers(double lat, double lon) {
    return distanceKm(lat, lon) <= radiusKm;
  }
}
