package io.callflow.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A phone number (E.164) in a pool, which customers dial to reach the contact center. */
@Entity
@Table(name = "access_number")
public class AccessNumber {

  @Id private String number;

  @Column(name = "pool_name")
  private String poolName;

  @Column(name = "added_at")
  private Instant addedAt;

  protected AccessNumber() {}

  public AccessNumber(String number, String poolName, Instant addedAt) {
    this.number = number;
    this.poolName = poolName;
    this.addedAt = addedAt;
  }

  public String number() {
    return number;
  }

  public String poolName() {
    return poolName;
  }
}
