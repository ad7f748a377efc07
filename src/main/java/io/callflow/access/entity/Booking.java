package io.callflow.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An access number (and code) held for one service instance until it ends: matched, cancelled or
 * expired. Ending flips {@code active}, which the database's unique indexes rely on.
 */
@Entity
@Table(name = "booking")
public class Booking {

  /** Why a booking ended. */
  public enum EndReason {
    MATCHED,
    CANCELLED,
    EXPIRED
  }

  @Id private String id;
  private String number;

  @Column(name = "pool_name")
  private String poolName;

  private boolean locking;

  @Column(name = "service_id")
  private String serviceId;

  @Column(name = "phone_number")
  private String phoneNumber;

  @Column(name = "access_code")
  private String accessCode;

  @Column(name = "booked_at")
  private Instant bookedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  private boolean active;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "end_reason")
  private EndReason endReason;

  @Version private long version;

  protected Booking() {}

  public Booking(
      String id,
      PoolSettings pool,
      String number,
      String serviceId,
      String phoneNumber,
      String accessCode,
      Instant bookedAt,
      Duration timeout) {
    this.id = id;
    this.number = number;
    this.poolName = pool.name();
    this.locking = pool.isLocking();
    this.serviceId = serviceId;
    this.phoneNumber = phoneNumber;
    this.accessCode = accessCode;
    this.bookedAt = bookedAt;
    this.expiresAt = bookedAt.plus(timeout);
    this.active = true;
  }

  /**
   * The earliest start a booking can be given at {@code instant}: rounded up to the millisecond,
   * which the answer's expiry is given in.
   */
  public static Instant startNoEarlierThan(Instant instant) {
    Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
    return millis.isBefore(instant) ? millis.plusMillis(1) : millis;
  }

  /** A live booking as its row was read (with a row lock) outside the persistence context. */
  public static Booking live(
      String id,
      String number,
      String poolName,
      boolean locking,
      String serviceId,
      String phoneNumber,
      String accessCode,
      Instant bookedAt,
      Instant expiresAt,
      long version) {
    Booking booking = new Booking();
    booking.id = id;
    booking.number = number;
    booking.poolName = poolName;
    booking.locking = locking;
    booking.serviceId = serviceId;
    booking.phoneNumber = phoneNumber;
    booking.accessCode = accessCode;
    booking.bookedAt = bookedAt;
    booking.expiresAt = expiresAt;
    booking.active = true;
    booking.version = version;
    return booking;
  }

  /** Ends the booking; false if it had already ended (a late or repeated end changes nothing). */
  public boolean end(EndReason reason, Instant at) {
    if (!active) {
      return false;
    }
    active = false;
    endedAt = at;
    endReason = reason;
    return true;
  }

  public boolean isLiveAt(Instant now) {
    return active && now.isBefore(expiresAt);
  }

  public boolean isOverdueAt(Instant now) {
    return active && !now.isBefore(expiresAt);
  }

  /** Seconds left at {@code now}, rounded up (a fresh 30 s booking says 30), never negative. */
  public long secondsLeftAt(Instant now) {
    long millis = Duration.between(now, expiresAt).toMillis();
    return millis <= 0 ? 0 : (millis + 999) / 1000;
  }

  public String id() {
    return id;
  }

  public String number() {
    return number;
  }

  public String poolName() {
    return poolName;
  }

  public boolean isLocking() {
    return locking;
  }

  public String serviceId() {
    return serviceId;
  }

  public Optional<String> phoneNumber() {
    return Optional.ofNullable(phoneNumber);
  }

  public Optional<String> accessCode() {
    return Optional.ofNullable(accessCode);
  }

  public Instant bookedAt() {
    return bookedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<EndReason> endReason() {
    return Optional.ofNullable(endReason);
  }
}
