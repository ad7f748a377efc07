package io.callflow.access.entity;

import io.callflow.platform.domain.Names;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** A pool of access numbers (a GMS resource group). */
@Entity
@Table(name = "pool")
public class Pool {

  /**
   * What a pool may be called: safe in a path segment and in a service's {@code _resource_group}.
   */
  public static final Pattern NAME = Names.upTo(64);

  /**
   * Bounds of a booking timeout (the schema's check): long enough to dial, short enough to recycle.
   */
  public static final Duration SHORTEST_BOOKING_TIMEOUT = Duration.ofSeconds(5);

  public static final Duration LONGEST_BOOKING_TIMEOUT = Duration.ofSeconds(1800);

  public static final Duration DEFAULT_BOOKING_TIMEOUT = Duration.ofSeconds(30);

  @Id private String name;

  @Enumerated(EnumType.STRING)
  private Allocation allocation;

  @Enumerated(EnumType.STRING)
  private Choice choice;

  @Column(name = "booking_timeout_seconds")
  private int bookingTimeoutSeconds;

  private Double latitude;
  private Double longitude;

  @Column(name = "radius_km")
  private Double radiusKm;

  @Version private long version;

  protected Pool() {}

  public Pool(
      String name,
      Allocation allocation,
      Choice choice,
      Duration bookingTimeout,
      Location location) {
    this.name = name;
    reconfigure(allocation, choice, bookingTimeout, location);
  }

  public final void reconfigure(
      Allocation allocation, Choice choice, Duration bookingTimeout, Location location) {
    this.allocation = allocation;
    this.choice = choice;
    this.bookingTimeoutSeconds = Math.toIntExact(bookingTimeout.toSeconds());
    this.latitude = location == null ? null : location.latitude();
    this.longitude = location == null ? null : location.longitude();
    this.radiusKm = location == null ? null : location.radiusKm();
  }

  public String name() {
    return name;
  }

  public Allocation allocation() {
    return allocation;
  }

  public boolean isLocking() {
    return allocation == Allocation.LOCKING;
  }

  public Choice choice() {
    return choice;
  }

  public Duration bookingTimeout() {
    return Duration.ofSeconds(bookingTimeoutSeconds);
  }

  public Optional<Location> location() {
    return latitude == null
        ? Optional.empty()
        : Optional.of(new Location(latitude, longitude, radiusKm));
  }
}
